using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Grains.Waitlist;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// Joining a waitlist, in the patient's turn: the same checks as a booking (managed by the asking
/// account, not suspended, within the limits for the session's day) plus the number of waitlists
/// the patient is on. Turns never overlap, so two joins at once cannot both pass the count.
/// </summary>
internal sealed partial class PatientGrain : IPatientWaitlistGrain
{
    public async Task<JoinWaitlistOutcome> JoinWaitlistForAccountAsync(string accountId, string poolId)
    {
        commit.EnsureCanDecide();
        if (await FindProfileAsync() is not { } found || found.AccountId != accountId)
            return new JoinWaitlistOutcome.PatientRefused(new PatientReserveOutcome.PatientNotFound());
        var now = clock.GetUtcNow();
        if (State.Suspension is { } suspension && suspension.IsActiveAt(now))
            return new JoinWaitlistOutcome.PatientRefused(new PatientReserveOutcome.Suspended(suspension.Until));
        if (await visitDays.FindAsync(poolId, pools.GetSlotPool(poolId)) is not { } day) return new JoinWaitlistOutcome.PoolNotFound();

        var waitlist = GrainFactory.GetGrain<IWaitlistPoolGrain>(poolId);
        // Already on this list: the pool answers the same place again, whatever the counts say now.
        if (await waitlist.GetWaitlistPlaceAsync(Key) is { } place) return new JoinWaitlistOutcome.Joined(place, Repeated: true);

        if (bookings.HasPlacesInDoubt || bookings.Exceeded(day, limits) is not null) await RereadBookingsAsync();
        if (!bookings.Holds(poolId) && bookings.Exceeded(day, limits) is { } limit)
            return new JoinWaitlistOutcome.PatientRefused(new PatientReserveOutcome.LimitReached(limit, Allowed(limit)));

        var rules = ServiceProvider.GetRequiredService<IOptions<WaitlistRules>>().Value;
        var zone = ServiceProvider.GetRequiredService<IOptions<SlotPoolRules>>().Value.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var records = ServiceProvider.GetRequiredService<IWaitlistRecords>();
        if (await records.CountWaitlistsAsync(Key, today, CancellationToken.None) >= rules.MaxWaitlistsPerPatient)
            return new JoinWaitlistOutcome.TooManyWaitlists(rules.MaxWaitlistsPerPatient);

        return await waitlist.JoinWaitlistAsync(Key);
    }
}
