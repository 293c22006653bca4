namespace OrleansBooking.Silo.Hosting.Catalogue;

/// <summary>Whether a first start fills an empty database with a demo hospital. Bound from section <see cref="SectionName"/>.</summary>
public sealed class DemoHospitalOptions
{
    public const string SectionName = "Booking";

    /// <summary>
    /// Seed departments, doctors and schedules when the database holds nothing yet. Default false;
    /// appsettings.json turns it on for the embedded SQLite default, appsettings.Production.json off.
    /// </summary>
    public bool SeedDemoHospital { get; set; }
}
