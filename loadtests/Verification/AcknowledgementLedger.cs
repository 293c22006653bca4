using System.Collections.Concurrent;

namespace OrleansBooking.LoadTests.Verification;

/// <summary>
/// Every promise the service made during the run, and every cancellation patients asked for,
/// so the verifier can check afterwards that each promise was kept.
/// </summary>
public sealed class AcknowledgementLedger
{
    private readonly ConcurrentDictionary<string, Acknowledgement> _byKey = new();
    private readonly ConcurrentQueue<(Acknowledgement First, Acknowledgement Second)> _keyConflicts = new();
    private readonly ConcurrentDictionary<string, bool> _cancellations = new();

    public IReadOnlyCollection<Acknowledgement> Acknowledgements => _byKey.Values.ToList();

    /// <summary>Idempotency keys that were answered with two different reservations.</summary>
    public IReadOnlyCollection<(Acknowledgement First, Acknowledgement Second)> KeyConflicts => _keyConflicts.ToList();

    public void Acknowledge(Acknowledgement acknowledgement)
    {
        var kept = _byKey.GetOrAdd(acknowledgement.IdempotencyKey, acknowledgement);
        if (!ReferenceEquals(kept, acknowledgement) && kept != acknowledgement)
            _keyConflicts.Enqueue((kept, acknowledgement));
    }

    /// <summary>The patient pressed cancel; the outcome may be unknown (timeout), so both end states are allowed.</summary>
    public void CancellationRequested(string reservationId) => _cancellations.TryAdd(reservationId, false);

    /// <summary>The service confirmed the cancellation: the reservation must now read as cancelled.</summary>
    public void CancellationConfirmed(string reservationId) => _cancellations[reservationId] = true;

    /// <summary>null: never asked to cancel; false: asked, outcome unknown; true: confirmed.</summary>
    public bool? CancellationOf(string reservationId) => _cancellations.TryGetValue(reservationId, out var confirmed) ? confirmed : null;
}
