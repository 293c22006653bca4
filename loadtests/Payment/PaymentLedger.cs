using System.Collections.Concurrent;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Payment;

/// <summary>What a holder meant to do about the fee.</summary>
public enum PaymentIntent { Pay, Fail, Abandon }

/// <summary>What the sandbox's pay button answered the patient.</summary>
public enum PayOutcome
{
    /// <summary>Never pressed, or answered with anything but <c>paid</c>.</summary>
    NotPaid,
    /// <summary>Answered <c>paid</c>: the sandbox took the money.</summary>
    Paid,
    /// <summary>Pressed and cut off before an answer (the drain deadline): the money may or may not have been taken.</summary>
    Unknown,
}

/// <summary>A hold as its patient saw it: the fee the 201 named, until when, and what the patient then did.</summary>
public sealed record HoldSeen(string ReservationId, string PoolId, long FeeFen, DateTimeOffset HoldExpiresAt, PaymentIntent Intent)
{
    /// <summary>The payment the patient opened, and the amount it asked for; null if none was opened.</summary>
    public string? PaymentId { get; init; }
    public long? AskedFen { get; init; }

    public PayOutcome Pay { get; init; }

    /// <summary>The sandbox took the money (its pay button answered <c>paid</c>).</summary>
    public bool PaidAtProvider => Pay == PayOutcome.Paid;
}

/// <summary>
/// Every hold the virtual patients got and what they did with it, so the verifier can check the
/// service's books against what really happened at the provider.
/// </summary>
public sealed class PaymentLedger
{
    private readonly ConcurrentDictionary<string, HoldSeen> _holds = new();
    private long _bookedWithoutHold;

    public IReadOnlyCollection<HoldSeen> Holds => _holds.Values.ToList();

    /// <summary>2xx reservations that came back booked, not held: payment was not on where the run expected it.</summary>
    public long BookedWithoutHold => Interlocked.Read(ref _bookedWithoutHold);

    public void Held(Reservation hold, PaymentIntent intent) =>
        _holds[hold.ReservationId] = new HoldSeen(hold.ReservationId, hold.PoolId, hold.Payment!.FeeFen, hold.Payment.HoldExpiresAt, intent);

    public void NotHeld() => Interlocked.Increment(ref _bookedWithoutHold);

    public void Opened(string reservationId, OpenedPayment payment) =>
        _holds.AddOrUpdate(reservationId, _ => throw new InvalidOperationException($"{reservationId} was never held"),
            (_, hold) => hold with { PaymentId = payment.PaymentId, AskedFen = payment.AmountFen });

    public void PaidAtProvider(string reservationId) =>
        _holds.AddOrUpdate(reservationId, _ => throw new InvalidOperationException($"{reservationId} was never held"),
            (_, hold) => hold with { Pay = PayOutcome.Paid });

    /// <summary>The pay press went unanswered: recorded as unknown, never as paid, since only answers are acknowledged.</summary>
    public void PayCutOff(string reservationId) =>
        _holds.AddOrUpdate(reservationId, _ => throw new InvalidOperationException($"{reservationId} was never held"),
            (_, hold) => hold with { Pay = PayOutcome.Unknown });

    /// <summary>
    /// When the last hold runs out; null when there is none. Past it every unpaid hold has expired and
    /// every payment's callback has landed, in time or late (then refunded).
    /// </summary>
    public DateTimeOffset? LastExpiry => _holds.Values.Select(h => (DateTimeOffset?)h.HoldExpiresAt).Max();
}
