namespace OrleansBooking.Grains.Waitlist;

/// <summary>Leaving a waitlist or declining an offer.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.LeaveWaitlistOutcome")]
public abstract record LeaveWaitlistOutcome
{
    /// <summary>Off the list; <paramref name="DeclinedOffer"/> when a held number was given up (it passes to the next patient).</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.LeaveWaitlistOutcome.Left")]
    public sealed record Left(bool DeclinedOffer) : LeaveWaitlistOutcome;

    /// <summary>Not on this pool's list (never, or no longer).</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.LeaveWaitlistOutcome.NotWaiting")]
    public sealed record NotWaiting : LeaveWaitlistOutcome;

    /// <summary>Declining when no offer is pending: the offer ran out (<paramref name="Expired"/>) or there never was one.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.LeaveWaitlistOutcome.NoOffer")]
    public sealed record NoOffer(bool Expired) : LeaveWaitlistOutcome;
}
