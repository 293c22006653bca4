namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// A sold-out pool's committed answer to everyone it applies to, for a silo to give on the pool's
/// behalf for <see cref="ValidFor"/> without a grain call: at 08:00 most of the crowd arrives
/// after the numbers are gone, and each of them would otherwise be one more turn on the pool.
/// </summary>
/// <remarks>
/// It applies to anyone the pool would tell "sold out" whatever they sent: not a patient who holds
/// a number or an offer here (already booked, or takes the offer), not a retry of a known attempt
/// (it gets its reservation again), not an answer to an offer. A refusal given from it may be up to
/// <see cref="ValidFor"/> late in seeing a number come back; it never acknowledges anything.
/// </remarks>
[GenerateSerializer, Immutable, Alias("OrleansBooking.SoldOutView")]
public sealed record SoldOutView(HashSet<string> PatientsWithANumber, HashSet<string> KnownAttempts, TimeSpan ValidFor)
{
    /// <summary>
    /// How long a silo may answer for a pool on another silo without asking: short, because a number
    /// that comes back there is refused to the crowd here for at most this long; long enough that a
    /// hot pool is asked a few times a second per silo instead of thousands of times.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMilliseconds(250);

    /// <summary>True when the pool would answer <paramref name="request"/> sold out.</summary>
    public bool Answers(ReserveRequest request) =>
        !request.AcceptsOffer
        && !PatientsWithANumber.Contains(request.PatientId)
        && (request.IdempotencyKey is not { } key || !KnownAttempts.Contains(key));
}
