using OrleansBooking.Grains.Patients;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

/// <summary>The in-process silo with the hospital's real per-patient limits (the engine's API tests relax them).</summary>
public sealed class PatientsApiFactory : BookingApiFactory
{
    public PatientsApiFactory()
    {
        With("Booking:Limits:PerDepartmentPerDay", PatientLimits.DefaultPerDepartmentPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Booking:Limits:PerDay", PatientLimits.DefaultPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Booking:Limits:PerWeek", PatientLimits.DefaultPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
