using System.Collections.Frozen;

namespace OrleansBooking.LoadTests.Service;

/// <summary>The problem <c>code</c> values of API.md that the virtual patients act on.</summary>
public static class ProblemCodes
{
    public const string SoldOut = "sold_out";
    public const string AlreadyBooked = "already_booked";
    public const string NotReleased = "not_released";
    public const string PoolClosed = "pool_closed";
    public const string PoolCancelled = "pool_cancelled";
    public const string LimitReached = "limit_reached";
    public const string PoolNotFound = "pool_not_found";
    public const string PoolExists = "pool_exists";
    public const string Overloaded = "overloaded";
    public const string CancellationClosed = "cancellation_closed";
    public const string PatientNotFound = "patient_not_found";
    public const string InvalidCredentials = "invalid_credentials";
    public const string AccountLocked = "account_locked";
    public const string Unauthenticated = "unauthenticated";
    public const string NotPayable = "not_payable";
    public const string NumbersAvailable = "numbers_available";
    public const string OfferExpired = "offer_expired";
    public const string NotOnWaitlist = "not_on_waitlist";

    private static readonly FrozenSet<string> Known = new[]
    {
        SoldOut, AlreadyBooked, NotReleased, PoolClosed, LimitReached, PoolNotFound, PoolExists, Overloaded,
        CancellationClosed, PoolCancelled, "timeout", "storage_unavailable", "write_conflict", "validation_failed",
        "reservation_not_found", "quota_below_booked", "idempotency_key_reused", "not_cancellable", "not_found",
        "internal_error", "unsupported_media_type", "payload_too_large", "method_not_allowed", PatientNotFound,
        InvalidCredentials, AccountLocked, Unauthenticated, "forbidden", "invalid_refresh_token",
        "too_many_requests", NotPayable, NumbersAvailable, OfferExpired, NotOnWaitlist, "offer_not_found", "waitlist_limit_reached",
        "payment_provider_unavailable",
    }.ToFrozenSet();

    /// <summary>
    /// Returns the shared instance of a known code, so millions of counted responses do not each
    /// keep their own copy; unknown codes pass through unchanged and an absent code becomes "".
    /// </summary>
    public static string Intern(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        return Known.TryGetValue(code, out var shared) ? shared : code;
    }
}
