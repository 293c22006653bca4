using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Catalogue;

public sealed class DepartmentsApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task CreateDepartmentAnswers201WithLocationAndTheHospitalsReleaseRule()
    {
        var id = CatalogueCalls.NewId("dept");
        using var response = await client.PostAsJsonAsync("/api/admin/departments", new { departmentId = id, name = "  Cardiology ", location = "Building A" });
        var department = await response.ReadAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/departments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal((id, "Cardiology", "", "Building A", true), (department.Str("departmentId"), department.Str("name"),
            department.Str("description"), department.Str("location"), department.GetProperty("active").GetBoolean()));
        var rule = department.GetProperty("releaseRule");
        Assert.Equal((7, "08:00", "hospital"), (rule.Int("daysBefore"), rule.Str("time"), rule.Str("source")));
    }

    [Fact]
    public async Task CreateDepartmentWithoutAnIdGeneratesOne()
    {
        using var response = await client.PostAsJsonAsync("/api/admin/departments", new { name = "Dermatology" });
        var department = await response.ReadAsync(HttpStatusCode.Created);

        Assert.Matches("^[0-9a-f]{32}$", department.Str("departmentId"));
        Assert.Equal("Dermatology", (await client.GetOkAsync($"/api/departments/{department.Str("departmentId")}")).Str("name"));
    }

    [Fact]
    public async Task CreatingAnExistingDepartmentAnswers409AndKeepsTheFirst()
    {
        var id = CatalogueCalls.NewId("dept");
        await client.CreateDepartmentAsync(id, "First");

        using var response = await client.PostAsJsonAsync("/api/admin/departments", new { departmentId = id, name = "Second" });

        await response.ReadProblemAsync(HttpStatusCode.Conflict, "department_exists");
        Assert.Equal("First", (await client.GetOkAsync($"/api/departments/{id}")).Str("name"));
    }

    [Fact]
    public async Task AnInvalidDepartmentAnswers400NamingEveryFieldAndWritesNothing()
    {
        var id = CatalogueCalls.NewId("dept") + new string('x', 40);
        using var response = await client.PostAsJsonAsync("/api/admin/departments",
            new { departmentId = id, name = " ", location = new string('a', 201) });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["departmentId", "location", "name"], problem.ErrorFields());
        using var get = await client.GetAsync($"/api/departments/{id}");
        await get.ReadProblemAsync(HttpStatusCode.NotFound, "department_not_found");
    }

    [Fact]
    public async Task PatchChangesOnlyTheFieldsSent()
    {
        var id = CatalogueCalls.NewId("dept");
        await client.CreateDepartmentAsync(id);

        using var response = await client.PatchAsJsonAsync($"/api/admin/departments/{id}", new { location = "Building C" });
        var department = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(("Cardiology", "Heart disease.", "Building C"), (department.Str("name"), department.Str("description"), department.Str("location")));
        Assert.Equal("Building C", (await client.GetOkAsync($"/api/departments/{id}")).Str("location"));
    }

    [Fact]
    public async Task PatchWithNothingToChangeOrAnEmptyNameAnswers400()
    {
        var id = CatalogueCalls.NewId("dept");
        await client.CreateDepartmentAsync(id);

        using var empty = await client.PatchAsJsonAsync($"/api/admin/departments/{id}", new { });
        using var blank = await client.PatchAsJsonAsync($"/api/admin/departments/{id}", new { name = "" });

        Assert.Equal(["body"], (await empty.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(["name"], (await blank.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal("Cardiology", (await client.GetOkAsync($"/api/departments/{id}")).Str("name"));
    }

    [Fact]
    public async Task UnknownDepartmentsAnswer404DepartmentNotFound()
    {
        var id = CatalogueCalls.NewId("dept");

        using var get = await client.GetAsync($"/api/departments/{id}");
        using var doctors = await client.GetAsync($"/api/departments/{id}/doctors");
        using var patch = await client.PatchAsJsonAsync($"/api/admin/departments/{id}", new { name = "X" });
        using var delete = await client.DeleteAsync($"/api/admin/departments/{id}");
        using var rule = await client.PutAsJsonAsync($"/api/admin/departments/{id}/release-rule", new { daysBefore = 3, time = "07:30" });
        using var clear = await client.DeleteAsync($"/api/admin/departments/{id}/release-rule");

        foreach (var response in new[] { get, doctors, patch, delete, rule, clear })
            Assert.Equal(id, (await response.ReadProblemAsync(HttpStatusCode.NotFound, "department_not_found")).Str("departmentId"));
    }

    [Fact]
    public async Task ADeactivatedDepartmentLeavesTheListButCanBeRead()
    {
        var id = CatalogueCalls.NewId("dept");
        await client.CreateDepartmentAsync(id);
        Assert.Contains(id, (await client.GetOkAsync("/api/departments")).Strings("departmentId"));

        using var delete = await client.DeleteAsync($"/api/admin/departments/{id}");

        Assert.False((await delete.ReadAsync(HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        Assert.DoesNotContain(id, (await client.GetOkAsync("/api/departments")).Strings("departmentId"));
        Assert.False((await client.GetOkAsync($"/api/departments/{id}")).GetProperty("active").GetBoolean());

        using var reactivate = await client.PatchAsJsonAsync($"/api/admin/departments/{id}", new { active = true });
        Assert.True((await reactivate.ReadAsync(HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        Assert.Contains(id, (await client.GetOkAsync("/api/departments")).Strings("departmentId"));
    }

    [Fact]
    public async Task ADepartmentsOwnReleaseRuleIsSetAndCleared()
    {
        var id = CatalogueCalls.NewId("dept");
        await client.CreateDepartmentAsync(id);

        using var set = await client.PutAsJsonAsync($"/api/admin/departments/{id}/release-rule", new { daysBefore = 3, time = "07:30" });
        var own = (await set.ReadAsync(HttpStatusCode.OK)).GetProperty("releaseRule");
        Assert.Equal((3, "07:30", "department"), (own.Int("daysBefore"), own.Str("time"), own.Str("source")));

        using var clear = await client.DeleteAsync($"/api/admin/departments/{id}/release-rule");
        var hospital = (await clear.ReadAsync(HttpStatusCode.OK)).GetProperty("releaseRule");
        Assert.Equal((7, "08:00", "hospital"), (hospital.Int("daysBefore"), hospital.Str("time"), hospital.Str("source")));
    }

    [Fact]
    public async Task AReleaseRuleWithADrawShowsItsWindowAndAWindowOutside1To60IsRefused()
    {
        var id = CatalogueCalls.NewId("dept");
        await client.CreateDepartmentAsync(id);

        using var set = await client.PutAsJsonAsync($"/api/admin/departments/{id}/release-rule", new { daysBefore = 3, time = "07:30", lotteryWindowMinutes = 10 });
        using var refused = await client.PutAsJsonAsync($"/api/admin/departments/{id}/release-rule", new { daysBefore = 3, time = "07:30", lotteryWindowMinutes = 61 });

        Assert.Equal(10, (await set.ReadAsync(HttpStatusCode.OK)).GetProperty("releaseRule").Int("lotteryWindowMinutes"));
        Assert.Equal(["lotteryWindowMinutes"], (await refused.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(10, (await client.GetOkAsync($"/api/departments/{id}")).GetProperty("releaseRule").Int("lotteryWindowMinutes"));
    }

    [Fact]
    public async Task AnInvalidReleaseRuleAnswers400AndKeepsTheRule()
    {
        var id = CatalogueCalls.NewId("dept");
        await client.CreateDepartmentAsync(id);

        using var response = await client.PutAsJsonAsync($"/api/admin/departments/{id}/release-rule", new { daysBefore = 61, time = "8am" });

        Assert.Equal(["daysBefore", "time"], (await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal("hospital", (await client.GetOkAsync($"/api/departments/{id}")).GetProperty("releaseRule").Str("source"));
    }

    [Fact]
    public async Task TheDepartmentListAnswers304ToAMatchingIfNoneMatchAndChangesWithTheList()
    {
        using var first = await client.GetAsync("/api/departments");
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("", await notModified.Content.ReadAsStringAsync());

        await client.CreateDepartmentAsync(CatalogueCalls.NewId("dept"));
        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
        after.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(after);
        await changed.ReadAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }
}
