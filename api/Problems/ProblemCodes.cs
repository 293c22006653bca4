namespace OrleansBooking.Api.Problems;

/// <summary>The stable, machine-readable <c>code</c> of every problem the API answers with. Never rename one.</summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string InternalError = "internal_error";

    public const string PoolNotFound = "pool_not_found";
    public const string PoolExists = "pool_exists";
    public const string PoolCancelled = "pool_cancelled";
    public const string QuotaBelowBooked = "quota_below_booked";

    public const string SoldOut = "sold_out";
    public const string AlreadyBooked = "already_booked";
    public const string NotReleased = "not_released";
    public const string PoolClosed = "pool_closed";
    /// <summary>A per-patient limit; the problem's <c>limit</c> says which (department_per_day, per_day, per_week).</summary>
    public const string LimitReached = "limit_reached";
    public const string PatientSuspended = "patient_suspended";
    public const string PatientNotFound = "patient_not_found";
    public const string PatientExists = "patient_exists";
    public const string AccountFull = "account_full";
    public const string PatientHasBookings = "patient_has_bookings";
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    public const string ReservationNotFound = "reservation_not_found";
    public const string CancellationClosed = "cancellation_closed";
    public const string NotCancellable = "not_cancellable";

    public const string InvalidTransition = "invalid_transition";
    public const string NobodyWaiting = "nobody_waiting";
    /// <summary>The doctor's day moved a reservation before its time (check-in window, session start, session end plus grace); with <c>opensAt</c>.</summary>
    public const string TooEarly = "too_early";
    /// <summary>The visit day is over: check-in, calls and completions are closed; with <c>closedAt</c>.</summary>
    public const string VisitDayOver = "visit_day_over";
    /// <summary>Only a no-show can be withdrawn; with the reservation's <c>reservationStatus</c>.</summary>
    public const string NotANoShow = "not_a_no_show";
    public const string QueueUnstable = "queue_unstable";

    /// <summary>Joining the waitlist of a pool that has numbers left (with <c>remaining</c>): book one instead.</summary>
    public const string NumbersAvailable = "numbers_available";
    /// <summary>Accepting (or declining) a waitlist offer that ran out or was passed on.</summary>
    public const string OfferExpired = "offer_expired";
    public const string OfferNotFound = "offer_not_found";
    public const string NotOnWaitlist = "not_on_waitlist";
    /// <summary>The patient is on as many waitlists as allowed (with <c>allowed</c>).</summary>
    public const string WaitlistLimitReached = "waitlist_limit_reached";
    /// <summary>The engine running has no waitlist (the conventional comparison engine).</summary>
    public const string WaitlistUnavailable = "waitlist_unavailable";

    /// <summary>The pool gives its numbers first come, first served: it has no draw to audit.</summary>
    public const string NotALottery = "not_a_lottery";
    /// <summary>A pool's allocation cannot change once it has reservations (with <c>reservations</c>).</summary>
    public const string PoolHasReservations = "pool_has_reservations";
    /// <summary>A pool's allocation cannot change at or after its release (with <c>releaseAt</c>).</summary>
    public const string ReleasePassed = "release_passed";

    public const string Overloaded = "overloaded";
    public const string Timeout = "timeout";
    public const string StorageUnavailable = "storage_unavailable";
    public const string WriteConflict = "write_conflict";

    /// <summary>A rate limit refused the request; <c>Retry-After</c> (and the problem's <c>retryAfter</c>) says when to come back.</summary>
    public const string TooManyRequests = "too_many_requests";

    /// <summary>The code for a problem that was raised by the framework (routing, body limits), by status.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ValidationFailed,
        StatusCodes.Status401Unauthorized => Contracts.Accounts.AccountProblems.Unauthenticated,
        StatusCodes.Status403Forbidden => Contracts.Accounts.AccountProblems.Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        >= 500 => InternalError,
        _ => $"http_{status}",
    };
}
