namespace OrleansBooking.Grains.Patients;

/// <summary>As the resident ID number states it (its 17th digit: odd male, even female).</summary>
public enum Sex
{
    Female,
    Male,
}
