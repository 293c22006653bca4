namespace OrleansBooking.Api.Contracts.Waitlist;

/// <summary>"My waitlists": every entry of the account's patients for sessions from today on, instants in the hospital's time zone.</summary>
public sealed record AccountWaitlistsResponse(IReadOnlyList<AccountWaitlistEntry> Entries)
{
    public static AccountWaitlistsResponse From(IReadOnlyList<AccountWaitlistEntry> entries, HospitalTime time) => new(entries
        .Select(e => e with
        {
            JoinedAt = time.ToLocal(e.JoinedAt),
            OfferExpiresAt = e.OfferExpiresAt is { } expires ? time.ToLocal(expires) : null,
            EndedAt = e.EndedAt is { } ended ? time.ToLocal(ended) : null,
        })
        .ToList());
}
