namespace OrleansBooking.Grains.Catalogue;

/// <summary>A doctor's clinical rank; the registration fee follows it (<see cref="CatalogueRules.FeeFor"/>).</summary>
public enum DoctorTitle
{
    Chief,
    AssociateChief,
    Attending,
    Resident,
}
