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
    /// <summary>Two reservations held one number at the same time (their lives, created to cancelled, overlap).</summary>
    NumberHeldTwiceAtOnce,

    // Payment at booking (rush --payment).
    /// <summary>A number booked (or paid in the pool) with no payment behind it.</summary>
    BookedNotPaid,
    /// <summary>Money taken and no number for it, with no refund on its way.</summary>
    PaidNotBooked,
    /// <summary>A hold still pending well after its expiry: the number never went back.</summary>
    HoldOutlivedExpiry,
    /// <summary>A hold expired before its own expiry instant.</summary>
    HoldExpiredEarly,
    /// <summary>What was asked or paid differs from the fee fixed on the hold.</summary>
    PaidAmountMismatch,
    /// <summary>The reconciliation report disagrees with the pools, or lists a mismatch of this run.</summary>
    ReconciliationMismatch,
    /// <summary>The reconciliation report could not be read, so the second check proves nothing.</summary>
    PaymentBooksUnreadable,

    // The waitlist (rush --waitlist).
    /// <summary>A number on offer to a waiting patient was held by someone else while the offer was pending.</summary>
    OfferedNumberSold,
    /// <summary>The reservation an accepted offer made has another number than the one offered.</summary>
    AcceptedNumberDiffers,
    /// <summary>A waitlist place disagrees with the reservations (waiting while holding one, waiting while a number is free, …).</summary>
    WaitlistStateInconsistent,
    /// <summary>A waiting patient's place could not be read back.</summary>
    WaitlistUnreadable,

    // The draw (rush --lottery).
    /// <summary>A reservation made before the draw window closed, or the draw held before it did.</summary>
    ReservedBeforeDraw,
    /// <summary>A number drawn for someone who did not enter in the window (or a draw reservation the audit does not name).</summary>
    DrawWinnerNotEntrant,
    /// <summary>A winner with more than one number, or whose reservations do not hold exactly the number won.</summary>
    DrawWinnerNumberedTwice,
    /// <summary>Two winners drew the same number.</summary>
    DrawNumberReused,
    /// <summary>More winners than the quota, or a number outside 1..quota.</summary>
    DrawOverQuota,
    /// <summary>An entry the service answered 202 for is not in the pool's audit.</summary>
    DrawEntryMissing,
    /// <summary>An entrant's own "my draws" disagrees with the audit (missing, or another status or number).</summary>
    DrawReadDisagrees,
    /// <summary>The window closed and the pool has not drawn.</summary>
    DrawNotHeld,
    /// <summary>A pool's audit or an entrant's own list could not be read, so nothing about it is proven.</summary>
    DrawUnreadable,
}

/// <summary>One broken invariant, with enough detail to find it in the database.</summary>
public sealed record Violation(ViolationKind Kind, string PoolId, string Detail)
{
    public override string ToString() => $"{Kind} in {PoolId}: {Detail}";
}
