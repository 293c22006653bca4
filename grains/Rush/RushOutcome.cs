namespace OrleansBooking.Grains.Rush;

/// <summary>How one reservation attempt ended, as the rush board groups answers.</summary>
public enum RushOutcome
{
    Booked,
    SoldOut,
    NotReleased,
    /// <summary>Any other refusal: already booked, a per-patient limit, a suspension, a closed pool.</summary>
    Refused,
    /// <summary>Overloaded, timed out, storage unavailable: the patient retries.</summary>
    Failed,
}
