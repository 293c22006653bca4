using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Catalogue;

public sealed class SchedulesApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<string> DoctorAsync()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(doctorId, departmentId);
        return doctorId;
    }

    [Fact]
    public async Task PutScheduleStoresTheWeeklyTemplateWithDefaultStartsAndFees()
    {
        var doctorId = await DoctorAsync();

        var put = await client.PutWeeklyAsync(doctorId);
        var got = await client.GetOkAsync($"/api/admin/doctors/{doctorId}/schedule");

        Assert.Equal(put.ToString(), got.ToString());
        var lines = got.GetProperty("weekly").EnumerateArray()
            .Select(l => (l.Str("weekday"), l.Str("session"), l.Str("startTime"), l.Int("minutesPerNumber"), l.Int("quota"), l.GetProperty("fee").GetDecimal()))
            .ToArray();
        Assert.Equal(
        [
            ("monday", "morning", "08:00", 10, 30, 60m),
            ("monday", "afternoon", "13:30", 10, 20, 60m),
            ("wednesday", "morning", "09:00", 15, 12, 99.5m),
        ], lines);
    }

    [Fact]
    public async Task AnInvalidTemplateAnswers400AndKeepsTheOldOne()
    {
        var doctorId = await DoctorAsync();
        await client.PutWeeklyAsync(doctorId);

        using var response = await client.PutAsJsonAsync($"/api/admin/doctors/{doctorId}/schedule", new
        {
            weekly = new object[]
            {
                new { weekday = "funday", session = "morning", minutesPerNumber = 10, quota = 30 },
                new { weekday = "monday", session = "night", minutesPerNumber = 0, quota = 30 },
                new { weekday = "tuesday", session = "morning", minutesPerNumber = 10, quota = 30 },
                new { weekday = "tuesday", session = "morning", minutesPerNumber = 10, quota = 10001, startTime = "25:00" },
            },
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["weekly[0].weekday", "weekly[1].minutesPerNumber", "weekly[1].session", "weekly[3]", "weekly[3].quota", "weekly[3].startTime"],
            problem.ErrorFields());
        Assert.Equal(3, (await client.GetOkAsync($"/api/admin/doctors/{doctorId}/schedule")).GetProperty("weekly").GetArrayLength());
    }

    [Fact]
    public async Task AnEmptyTemplateClearsIt()
    {
        var doctorId = await DoctorAsync();
        await client.PutWeeklyAsync(doctorId);

        var cleared = await client.PutWeeklyAsync(doctorId, new { weekly = Array.Empty<object>() });

        Assert.Equal(0, cleared.GetProperty("weekly").GetArrayLength());
        Assert.Equal(0, (await client.GetOkAsync($"/api/admin/doctors/{doctorId}/schedule")).GetProperty("weekly").GetArrayLength());
    }

    [Fact]
    public async Task LeavesAndExtraSessionsAreAddedListedAndRemoved()
    {
        var doctorId = await DoctorAsync();
        var path = $"/api/admin/doctors/{doctorId}/schedule/exceptions";

        using var leaveResponse = await client.PostAsJsonAsync(path, new { date = "2026-12-02", kind = "leave" });
        var leave = await leaveResponse.ReadAsync(HttpStatusCode.Created);
        using var extraResponse = await client.PostAsJsonAsync(path,
            new { date = "2026-12-01", kind = "extra_session", session = "evening", minutesPerNumber = 5, quota = 8 });
        var extra = await extraResponse.ReadAsync(HttpStatusCode.Created);

        Assert.Equal($"{path}/{leave.Str("exceptionId")}", leaveResponse.Headers.Location?.OriginalString);
        Assert.Equal(("leave", System.Text.Json.JsonValueKind.Null), (leave.Str("kind"), leave.GetProperty("session").ValueKind));
        Assert.Equal(("extra_session", "evening", "18:00", 8, 60m),
            (extra.Str("kind"), extra.Str("session"), extra.Str("startTime"), extra.Int("quota"), extra.GetProperty("fee").GetDecimal()));
        var listed = (await client.GetOkAsync($"/api/admin/doctors/{doctorId}/schedule")).GetProperty("exceptions");
        Assert.Equal([extra.Str("exceptionId"), leave.Str("exceptionId")], listed.Strings("exceptionId"));

        using var removed = await client.DeleteAsync($"{path}/{leave.Str("exceptionId")}");
        using var again = await client.DeleteAsync($"{path}/{leave.Str("exceptionId")}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await again.ReadProblemAsync(HttpStatusCode.NotFound, "schedule_exception_not_found");
        Assert.Equal([extra.Str("exceptionId")],
            (await client.GetOkAsync($"/api/admin/doctors/{doctorId}/schedule")).GetProperty("exceptions").Strings("exceptionId"));
    }

    [Fact]
    public async Task AnInvalidExceptionAnswers400AndIsNotWritten()
    {
        var doctorId = await DoctorAsync();
        var path = $"/api/admin/doctors/{doctorId}/schedule/exceptions";

        using var leaveWithNumbers = await client.PostAsJsonAsync(path, new { date = "2026-12-02", kind = "leave", quota = 5 });
        using var extraWithoutNumbers = await client.PostAsJsonAsync(path, new { date = "02/12/2026", kind = "extra_session" });
        using var unknownKind = await client.PostAsJsonAsync(path, new { date = "2026-12-02", kind = "holiday" });

        Assert.Equal(["kind"], (await leaveWithNumbers.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(["date", "minutesPerNumber", "quota", "session"],
            (await extraWithoutNumbers.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(["kind"], (await unknownKind.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(0, (await client.GetOkAsync($"/api/admin/doctors/{doctorId}/schedule")).GetProperty("exceptions").GetArrayLength());
    }

    [Fact]
    public async Task ScheduleRoutesAnswer404ForAnUnknownDoctor()
    {
        var doctorId = CatalogueCalls.NewId("dr");
        var path = $"/api/admin/doctors/{doctorId}/schedule";

        using var get = await client.GetAsync(path);
        using var put = await client.PutAsJsonAsync(path, CatalogueCalls.WeeklyBody());
        using var add = await client.PostAsJsonAsync($"{path}/exceptions", new { date = "2026-12-02", kind = "leave" });
        using var remove = await client.DeleteAsync($"{path}/exceptions/some-id");

        foreach (var response in new[] { get, put, add, remove })
            Assert.Equal(doctorId, (await response.ReadProblemAsync(HttpStatusCode.NotFound, "doctor_not_found")).Str("doctorId"));
    }

    [Fact]
    public async Task RunningTheGeneratorNowCreatesTheWindowOnceAndReportsIt()
    {
        await using var own = new BookingApiFactory();
        using var http = own.CreateClientActingAs(TestIdentity.Admin);
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await http.CreateDepartmentAsync(departmentId);
        await http.CreateDoctorAsync(doctorId, departmentId);
        await http.PutWeeklyAsync(doctorId);

        var first = await http.GenerateAsync();
        var second = await http.GenerateAsync();

        Assert.Equal(("2026-11-30", "2026-12-07", 4, 4, 0, 0),
            (first.Str("from"), first.Str("to"), first.Int("planned"), first.Int("created"), first.Int("quotaRaised"), first.Int("unchanged")));
        Assert.Equal((4, 0, 0, 4), (second.Int("planned"), second.Int("created"), second.Int("quotaRaised"), second.Int("unchanged")));
        var pool = await http.GetPoolAsync($"{doctorId}-20261202-morning");
        Assert.Equal((departmentId, 12, 99.5m), (pool.Str("departmentId"), pool.Int("quota"), pool.GetProperty("fee").GetDecimal()));
    }
}
