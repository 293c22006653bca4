namespace OrleansBooking.Grains.SlotPools;

/// <summary>The part of the day a doctor sees patients in.</summary>
public enum ClinicSession
{
    Morning,
    Afternoon,
    Evening,
}
