using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>Departments → doctors with next sessions → a doctor's calendar, on Monday 30 Nov 2026 at 08:00 in Shanghai.</summary>
public sealed class BrowseApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static string[] Cells(System.Text.Json.JsonElement sessions) =>
        sessions.EnumerateArray().Select(s => $"{s.Str("date")} {s.Str("session")} {s.Int("quota")}/{s.Int("remaining")} {s.Str("status")} {s.Str("releaseAt")}").ToArray();

    [Fact]
    public async Task ADoctorsCalendarShowsEverySessionOfTheWindowWithNumbersStatusAndRelease()
    {
        var (departmentId, doctorId) = await client.DoctorWithPoolsAsync();

        var calendar = await client.GetOkAsync($"/api/doctors/{doctorId}/calendar");

        Assert.Equal(("2026-11-30", "2026-12-07", doctorId, 60m), (calendar.Str("from"), calendar.Str("to"),
            calendar.GetProperty("doctor").Str("doctorId"), calendar.GetProperty("doctor").GetProperty("fee").GetDecimal()));
        Assert.Equal(
        [
            "2026-11-30 afternoon 20/20 open 2026-11-23T08:00:00+08:00",
            "2026-12-02 morning 12/12 open 2026-11-25T08:00:00+08:00",
            "2026-12-07 morning 30/30 open 2026-11-30T08:00:00+08:00",
            "2026-12-07 afternoon 20/20 open 2026-11-30T08:00:00+08:00",
        ], Cells(calendar.GetProperty("sessions")));
        Assert.All(calendar.GetProperty("sessions").EnumerateArray(), s => Assert.Equal(departmentId, s.Str("departmentId")));
    }

    [Fact]
    public async Task ADepartmentsOwnReleaseRuleDecidesWhenItsGeneratedSessionsOpen()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        using var rule = await client.PutAsJsonAsync($"/api/admin/departments/{departmentId}/release-rule", new { daysBefore = 3, time = "07:30" });
        await rule.ReadAsync(HttpStatusCode.OK);
        await client.CreateDoctorAsync(doctorId, departmentId);
        await client.PutWeeklyAsync(doctorId);
        await client.GenerateAsync();

        var calendar = await client.GetOkAsync($"/api/doctors/{doctorId}/calendar");

        Assert.Equal(
        [
            "2026-11-30 afternoon 20/20 open 2026-11-27T07:30:00+08:00",
            "2026-12-02 morning 12/12 open 2026-11-29T07:30:00+08:00",
            "2026-12-07 morning 30/30 scheduled 2026-12-04T07:30:00+08:00",
            "2026-12-07 afternoon 20/20 scheduled 2026-12-04T07:30:00+08:00",
        ], Cells(calendar.GetProperty("sessions")));
    }

    [Fact]
    public async Task TheCalendarAnswers304UntilANumberIsTakenAndTheCacheExpires()
    {
        var (_, doctorId) = await client.DoctorWithPoolsAsync();
        var path = $"/api/doctors/{doctorId}/calendar";
        using var first = await client.GetAsync(path);
        var etag = first.Headers.ETag!;
        await client.ReserveOkAsync($"{doctorId}-20261130-afternoon", "patient-1");

        using var cached = await SendIfNoneMatchAsync(path, etag);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var fresh = await SendIfNoneMatchAsync(path, etag);
        var calendar = await fresh.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("2026-11-30 afternoon 20/19", string.Join(" ", Cells(calendar.GetProperty("sessions"))[0].Split(' ')[..3]));
        Assert.NotEqual(etag, fresh.Headers.ETag);
    }

    [Fact]
    public async Task ADepartmentListsItsActiveDoctorsWithTheirNextThreeBookableSessions()
    {
        var (departmentId, doctorId) = await client.DoctorWithPoolsAsync();
        var away = CatalogueCalls.NewId("dr");
        await client.CreateDoctorAsync(away, departmentId, name: "Away Doctor");
        using var deactivate = await client.DeleteAsync($"/api/admin/doctors/{away}");
        await deactivate.ReadAsync(HttpStatusCode.OK);
        await client.PatchPoolAsync($"{doctorId}-20261202-morning", """{"status":"cancelled"}""", HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        var page = await client.GetOkAsync($"/api/departments/{departmentId}/doctors");

        Assert.Equal(departmentId, page.GetProperty("department").Str("departmentId"));
        var doctor = Assert.Single(page.GetProperty("doctors").EnumerateArray());
        Assert.Equal(doctorId, doctor.GetProperty("doctor").Str("doctorId"));
        Assert.Equal([$"{doctorId}-20261130-afternoon", $"{doctorId}-20261207-morning", $"{doctorId}-20261207-afternoon"],
            doctor.GetProperty("nextSessions").Strings("poolId"));
    }

    [Fact]
    public async Task ADepartmentsDoctorsAnswer304ToAMatchingIfNoneMatch()
    {
        var (departmentId, _) = await client.DoctorWithPoolsAsync();
        var path = $"/api/departments/{departmentId}/doctors";
        using var first = await client.GetAsync(path);
        await first.ReadAsync(HttpStatusCode.OK);

        using var second = await SendIfNoneMatchAsync(path, first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MalformedIdsInBrowseRoutesAnswer400()
    {
        using var calendar = await client.GetAsync("/api/doctors/bad%20id/calendar");
        using var doctors = await client.GetAsync("/api/departments/bad%20id/doctors");

        Assert.Equal(["doctorId"], (await calendar.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(["departmentId"], (await doctors.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryCatalogueRoute()
    {
        var document = await client.GetOkAsync("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value))
            .Where(op => op.TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => t.GetString() is "Catalogue" or "Catalogue admin"))
            .ToList();

        // 19 routes of the catalogue and its admin, the availability query, the admin lists of every
        // department and doctor, and a department's age range (set, remove).
        Assert.Equal(24, operations.Count);
        Assert.All(operations, op => Assert.False(string.IsNullOrEmpty(op.Str("summary")), $"No summary: {op}"));
        Assert.All(operations, op => Assert.False(string.IsNullOrEmpty(op.Str("operationId")), $"No operationId: {op}"));
    }

    private async Task<HttpResponseMessage> SendIfNoneMatchAsync(string path, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }
}
