using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

/// <summary>Bulk registration mints sign-in-ready accounts with a known password: without load-test mode the route is not there.</summary>
public sealed class LoadTestModeTests
{
    [Fact]
    public async Task WithoutLoadTestModeBulkRegistrationAnswers404AndRegistersNoOne()
    {
        await using var silo = new BookingApiFactory().With("Booking:LoadTest:Enabled", null);
        using var admin = silo.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/admin/patients/bulk", new { patientIdPrefix = "vp-off-", count = 3, password = "one known password" });

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "load_test_mode_off");
        using var lookUp = await admin.GetAsync("/api/admin/patients/vp-off-0");
        await lookUp.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
    }

    [Fact]
    public async Task InLoadTestModeBulkRegistrationWorks()
    {
        await using var silo = new BookingApiFactory().With("Booking:LoadTest:Enabled", "true");
        using var admin = silo.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/admin/patients/bulk", new { patientIdPrefix = "vp-on-", count = 3 });

        await response.ReadAsync(HttpStatusCode.OK);
    }
}
