namespace OrleansBooking.Api.Contracts.Waitlist;

/// <summary>The waitlist entries of an account's patients, read from committed rows (never from the pool grains).</summary>
public interface IAccountWaitlists
{
    /// <summary>Entries of sessions on or after <paramref name="from"/> for the patients <paramref name="accountId"/> manages, by visit date.</summary>
    Task<IReadOnlyList<AccountWaitlistEntry>> ListAsync(string accountId, DateOnly from, CancellationToken cancellationToken);
}

/// <summary>
/// One entry as stored: <paramref name="Status"/> is <c>waiting</c> (with <paramref name="Position"/>,
/// 1 = next), <c>offered</c> (with the number and its deadline), <c>taken</c> (with the reservation),
/// <c>lapsed</c> (with <paramref name="Lapse"/>: expired, declined, withdrawn) or <c>left</c>.
/// </summary>
public sealed record AccountWaitlistEntry(
    string PoolId,
    string PatientId,
    string DoctorId,
    DateOnly Date,
    string Session,
    string Status,
    int? Position,
    string? Lapse,
    int? OfferNumber,
    DateTimeOffset? OfferExpiresAt,
    string? ReservationId,
    DateTimeOffset JoinedAt,
    DateTimeOffset? EndedAt);
