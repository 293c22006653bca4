using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Catalogue;

public sealed class DoctorsApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task CreateDoctorAnswers201WithTheFeeOfTheTitle()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);

        using var response = await client.PostAsJsonAsync("/api/admin/doctors",
            new { doctorId, name = "Wang Fang", title = "associate_chief", departmentId, specialties = new[] { "Pacemakers" }, bio = "Arrhythmia." });
        var doctor = await response.ReadAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/doctors/{doctorId}", response.Headers.Location?.OriginalString);
        Assert.Equal((doctorId, "Wang Fang", "associate_chief", departmentId, "Arrhythmia.", 80m, true),
            (doctor.Str("doctorId"), doctor.Str("name"), doctor.Str("title"), doctor.Str("departmentId"), doctor.Str("bio"),
                doctor.GetProperty("fee").GetDecimal(), doctor.GetProperty("active").GetBoolean()));
        Assert.Equal(["Pacemakers"], doctor.GetProperty("specialties").EnumerateArray().Select(s => s.GetString() ?? "").ToArray());
    }

    [Fact]
    public async Task ADoctorInAnUnknownDepartmentAnswers404AndIsNotWritten()
    {
        var doctorId = CatalogueCalls.NewId("dr");
        var departmentId = CatalogueCalls.NewId("dept");

        using var response = await client.PostAsJsonAsync("/api/admin/doctors", new { doctorId, name = "Li", title = "chief", departmentId });

        Assert.Equal(departmentId, (await response.ReadProblemAsync(HttpStatusCode.NotFound, "department_not_found")).Str("departmentId"));
        using var get = await client.GetAsync($"/api/doctors/{doctorId}");
        await get.ReadProblemAsync(HttpStatusCode.NotFound, "doctor_not_found");
    }

    [Fact]
    public async Task CreatingAnExistingDoctorAnswers409()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(doctorId, departmentId, name: "First");

        using var response = await client.PostAsJsonAsync("/api/admin/doctors", new { doctorId, name = "Second", title = "chief", departmentId });

        await response.ReadProblemAsync(HttpStatusCode.Conflict, "doctor_exists");
        Assert.Equal("First", (await client.GetOkAsync($"/api/doctors/{doctorId}")).Str("name"));
    }

    [Fact]
    public async Task AnInvalidDoctorAnswers400NamingEveryField()
    {
        using var response = await client.PostAsJsonAsync("/api/admin/doctors",
            new { doctorId = new string('d', 41), title = "professor", departmentId = "bad id", specialties = new[] { "ok", "" } });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["departmentId", "doctorId", "name", "specialties[1]", "title"], problem.ErrorFields());
    }

    [Fact]
    public async Task SearchFindsDoctorsByNameOrSpecialtyIgnoringCase()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var byName = CatalogueCalls.NewId("dr");
        var bySpecialty = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(byName, departmentId, name: $"Zhang {tag}");
        await client.CreateDoctorAsync(bySpecialty, departmentId, name: "Chen Jing", specialties: [$"Asthma {tag}"]);
        await client.CreateDoctorAsync(CatalogueCalls.NewId("dr"), departmentId, name: "Someone Else");

        var found = await client.GetOkAsync($"/api/doctors?search={tag.ToUpperInvariant()}");

        Assert.Equal(new[] { bySpecialty, byName }.Order(StringComparer.Ordinal), found.Strings("doctorId").Order(StringComparer.Ordinal));
        Assert.Equal(["Chen Jing", $"Zhang {tag}"], found.Strings("name"));
    }

    [Fact]
    public async Task TheListCanBeLimitedToOneDepartment()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(doctorId, departmentId);

        Assert.Equal([doctorId], (await client.GetOkAsync($"/api/doctors?departmentId={departmentId}")).Strings("doctorId"));
    }

    [Fact]
    public async Task AnInvalidSearchAnswers400()
    {
        using var response = await client.GetAsync($"/api/doctors?search={new string('a', 51)}&departmentId=bad%20id");

        Assert.Equal(["departmentId", "search"], (await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task PatchChangesTheTitleAndWithItTheFee()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(doctorId, departmentId);

        using var response = await client.PatchAsJsonAsync($"/api/admin/doctors/{doctorId}", new { title = "chief", bio = "Promoted." });
        var doctor = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(("chief", 100m, "Promoted.", "Li Wei"), (doctor.Str("title"), doctor.GetProperty("fee").GetDecimal(), doctor.Str("bio"), doctor.Str("name")));
        Assert.Equal("chief", (await client.GetOkAsync($"/api/doctors/{doctorId}")).Str("title"));
    }

    [Fact]
    public async Task MovingADoctorToAnUnknownDepartmentAnswers404AndChangesNothing()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(doctorId, departmentId);

        using var response = await client.PatchAsJsonAsync($"/api/admin/doctors/{doctorId}", new { departmentId = "nowhere", name = "X" });

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "department_not_found");
        var doctor = await client.GetOkAsync($"/api/doctors/{doctorId}");
        Assert.Equal((departmentId, "Li Wei"), (doctor.Str("departmentId"), doctor.Str("name")));
    }

    [Fact]
    public async Task UnknownDoctorsAnswer404DoctorNotFound()
    {
        var doctorId = CatalogueCalls.NewId("dr");

        using var get = await client.GetAsync($"/api/doctors/{doctorId}");
        using var calendar = await client.GetAsync($"/api/doctors/{doctorId}/calendar");
        using var patch = await client.PatchAsJsonAsync($"/api/admin/doctors/{doctorId}", new { name = "X" });
        using var delete = await client.DeleteAsync($"/api/admin/doctors/{doctorId}");

        foreach (var response in new[] { get, calendar, patch, delete })
            Assert.Equal(doctorId, (await response.ReadProblemAsync(HttpStatusCode.NotFound, "doctor_not_found")).Str("doctorId"));
    }

    [Fact]
    public async Task ADeactivatedDoctorLeavesTheSearchButCanBeRead()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(doctorId, departmentId);

        using var delete = await client.DeleteAsync($"/api/admin/doctors/{doctorId}");

        Assert.False((await delete.ReadAsync(HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        Assert.Empty((await client.GetOkAsync($"/api/doctors?departmentId={departmentId}")).EnumerateArray());
        Assert.False((await client.GetOkAsync($"/api/doctors/{doctorId}")).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task ADoctorAnswers304ToAMatchingIfNoneMatch()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(doctorId, departmentId);
        using var first = await client.GetAsync($"/api/doctors/{doctorId}");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/doctors/{doctorId}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }
}
