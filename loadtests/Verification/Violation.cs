namespace OrleansBooking.LoadTests.Verification;

/// <summary>An invariant of the booking service that the run found broken.</summary>
public enum ViolationKind
{
    /// <summary>More active reservations than the pool's quota: an oversell.</summary>
    PoolOverQuota,
    /// <summary>The pool's <c>booked</c> count disagrees with its active reservations.</summary>
    BookedCountMismatch,
    /// <summary>One patient holds two active reservations in one pool.</summary>
    PatientTwiceInPool,
    /// <summary>Two active reservations share a sequence number.</summary>
    SequenceNumberReused,
    /// <summary>An active reservation's sequence number is outside 1..quota.</summary>
    SequenceNumberOutOfRange,
    /// <summary>A 2xx the generator received names a reservation the service no longer has: a lost acknowledgement.</summary>
    AcknowledgementMissing,
    /// <summary>The stored reservation differs from what was acknowledged (patient, pool, number or status).</summary>
    AcknowledgementMismatch,
    /// <summary>One idempotency key was answered with two different reservations.</summary>
    IdempotencyKeyReused,
    /// <summary>A patient holds more active reservations on one day than the limit allows.</summary>
    PatientLimitExceeded,
    /// <summary>The pool or its reservations could not be read back, so nothing about it is proven.</summary>
    PoolUnreadable,
}

/// <summary>One broken invariant, with enough detail to find it in the database.</summary>
public sealed record Violation(ViolationKind Kind, string PoolId, string Detail)
{
    public override string ToString() => $"{Kind} in {PoolId}: {Detail}";
}
