namespace OrleansBooking.Grains.Waitlist;

/// <summary>
/// A pool's waitlist (key: the pool id; the slot pool grain implements it, so the queue and the
/// numbers are decided in the same turns). Joining goes through the patient
/// (<see cref="IPatientWaitlistGrain"/>) so their limits are checked; accepting an offer is a
/// reservation (<see cref="SlotPools.ReserveRequest.AcceptsOffer"/>).
/// </summary>
public interface IWaitlistPoolGrain : IGrainWithStringKey
{
    /// <summary>Joins the patient at the back; only while the pool is released, open and sold out.</summary>
    Task<JoinWaitlistOutcome> JoinWaitlistAsync(string patientId);

    /// <summary>Leaves the list; a pending offer is declined and passes on.</summary>
    Task<LeaveWaitlistOutcome> LeaveWaitlistAsync(string patientId);

    /// <summary>Declines the offer held for the patient; its number passes to the next patient waiting.</summary>
    Task<LeaveWaitlistOutcome> DeclineOfferAsync(string patientId);

    /// <summary>The patient's committed place, or null when they are not on the list.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<WaitlistPlace?> GetWaitlistPlaceAsync(string patientId);

    /// <summary>Lets the offers that ran out lapse (the timer does this too); returns how many.</summary>
    Task<int> LapseDueOffersAsync();
}

/// <summary>The patient's side of joining a waitlist: ownership, suspension, limits and how many lists they are on.</summary>
public interface IPatientWaitlistGrain : IGrainWithStringKey
{
    Task<JoinWaitlistOutcome> JoinWaitlistForAccountAsync(string accountId, string poolId);
}

/// <summary>How many waitlists (of sessions from <paramref name="today"/> on) a patient is on: a read of committed rows.</summary>
public interface IWaitlistRecords
{
    Task<int> CountWaitlistsAsync(string patientId, DateOnly today, CancellationToken cancellationToken);
}
