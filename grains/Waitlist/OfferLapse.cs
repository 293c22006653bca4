namespace OrleansBooking.Grains.Waitlist;

/// <summary>Why an offer ended without a reservation; its number passes to the next patient waiting.</summary>
public enum OfferLapse
{
    /// <summary>Not accepted in time.</summary>
    Expired,

    /// <summary>The patient said no (or left the waitlist).</summary>
    Declined,

    /// <summary>The pool closed or was cancelled while the offer was pending.</summary>
    Withdrawn,
}
