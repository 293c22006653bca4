using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>The staff's lists of departments and doctors hold the deactivated ones too, so they can be brought back.</summary>
public sealed class CatalogueAdminListsTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task DeactivatedDepartmentsAndDoctorsAreListedForStaffButNotForPatients()
    {
        var department = CatalogueCalls.NewId("dept");
        var doctor = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(department, "Closed clinic");
        await client.CreateDoctorAsync(doctor, department, "Retired Doctor");
        (await client.DeleteAsync($"/api/admin/doctors/{doctor}")).EnsureSuccessStatusCode();
        (await client.DeleteAsync($"/api/admin/departments/{department}")).EnsureSuccessStatusCode();

        var departments = await (await client.GetAsync("/api/admin/departments")).ReadAsync(HttpStatusCode.OK);
        var doctors = await (await client.GetAsync("/api/admin/doctors")).ReadAsync(HttpStatusCode.OK);

        Assert.False(Assert.Single(departments.EnumerateArray(), d => d.Str("departmentId") == department).GetProperty("active").GetBoolean());
        Assert.False(Assert.Single(doctors.EnumerateArray(), d => d.Str("doctorId") == doctor).GetProperty("active").GetBoolean());
        Assert.DoesNotContain(department, (await client.GetOkAsync("/api/departments")).Strings("departmentId"));
        Assert.DoesNotContain(doctor, (await client.GetOkAsync("/api/doctors")).Strings("doctorId"));
    }
}
