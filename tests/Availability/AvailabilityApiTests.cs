using System.Net;
using System.Text.Json;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Catalogue;

namespace OrleansBooking.Tests.Availability;

/// <summary>"Find the next free session": the earliest sessions with numbers left, from committed counts at most a second old.</summary>
public sealed class AvailabilityApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    [Fact]
    public async Task TheEarliestSessionsWithNumbersLeftComeInTimeOrderAndAFullOneLeavesWithinASecond()
    {
        using var client = factory.CreateClient();
        var (department, attending, chief) = await DepartmentAsync(client);
        var earliest = await PoolAsync(client, department, attending, "2026-12-02", "morning", "08:00", quota: 2);
        var afternoon = await PoolAsync(client, department, chief, "2026-12-02", "afternoon", "14:00", quota: 5);
        var nextDay = await PoolAsync(client, department, attending, "2026-12-03", "morning", "08:00", quota: 5);
        await PoolAsync(client, department, chief, "2026-12-02", "evening", "18:00", quota: 5, releaseAt: "2026-12-01T08:00:00+08:00");

        var before = await FindAsync(client, $"departmentId={department}");
        await client.ReserveOkAsync(earliest, "pt-av1-" + earliest[5..]);
        await client.ReserveOkAsync(earliest, "pt-av2-" + earliest[5..]);
        var sameSecond = await FindAsync(client, $"departmentId={department}");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var nextSecond = await FindAsync(client, $"departmentId={department}");

        Assert.Equal([earliest, afternoon, nextDay], PoolIds(before));
        Assert.Equal(2, before.GetProperty("sessions")[0].GetProperty("remaining").GetInt32());
        // Within the second the answer is the one read at its start; from the next, the full pool is gone.
        Assert.Equal(PoolIds(before), PoolIds(sameSecond));
        Assert.Equal([afternoon, nextDay], PoolIds(nextSecond));
        var first = nextSecond.GetProperty("sessions")[0];
        Assert.Equal(("Chief Zhou", "chief", "2026-12-02", "afternoon", "14:00", 5),
            (first.Str("doctorName"), first.Str("title"), first.Str("date"), first.Str("session"), first.Str("startTime"), first.GetProperty("remaining").GetInt32()));
    }

    [Fact]
    public async Task ANumberOfferedToAWaitingPatientIsNotCountedAsFree()
    {
        using var client = factory.CreateClient();
        var (department, attending, _) = await DepartmentAsync(client);
        var poolId = await PoolAsync(client, department, attending, "2026-12-02", "morning", "08:00", quota: 1);
        var holder = "pt-avh-" + poolId[5..];
        var waiting = "pt-avw-" + poolId[5..];
        var booked = await client.ReserveOkAsync(poolId, holder);
        await client.EnsurePatientAsync(waiting);
        using (var joined = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/pools/{poolId}/waitlist")
            { Content = System.Net.Http.Json.JsonContent.Create(new { patientId = waiting }) }.As(await client.ManagingAccountAsync(waiting))))
            await joined.ReadAsync(HttpStatusCode.Created);

        // The cancelled number is offered to the waiting patient in the same decision: the crowd cannot have it.
        using (var cancelled = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/reservations/{booked.Str("reservationId")}")
            .As(await client.ManagingAccountAsync(holder))))
            await cancelled.ReadAsync(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var answer = await FindAsync(client, $"departmentId={department}");

        Assert.Equal(0, (await client.GetPoolAsync(poolId)).Int("remaining"));
        Assert.DoesNotContain(poolId, PoolIds(answer));
    }

    [Fact]
    public async Task DoctorTitleSessionAndDatesNarrowTheAnswer()
    {
        using var client = factory.CreateClient();
        var (department, attending, chief) = await DepartmentAsync(client);
        var morning = await PoolAsync(client, department, attending, "2026-12-02", "morning", "08:00", quota: 3);
        var afternoon = await PoolAsync(client, department, chief, "2026-12-02", "afternoon", "14:00", quota: 3);
        var later = await PoolAsync(client, department, attending, "2026-12-04", "afternoon", "14:00", quota: 3);

        Assert.Equal([morning, later], PoolIds(await FindAsync(client, $"departmentId={department}&doctorId={attending}")));
        Assert.Equal([afternoon], PoolIds(await FindAsync(client, $"departmentId={department}&title=chief")));
        Assert.Equal([afternoon, later], PoolIds(await FindAsync(client, $"departmentId={department}&session=afternoon")));
        Assert.Equal([later], PoolIds(await FindAsync(client, $"departmentId={department}&from=2026-12-03&to=2026-12-04")));
        Assert.Equal([morning], PoolIds(await FindAsync(client, $"departmentId={department}&limit=1")));
    }

    [Theory]
    [InlineData("", "departmentId")]
    [InlineData("departmentId=x'%20OR%201=1", "departmentId")]
    [InlineData("departmentId={d}&from=2026-13-01", "from")]
    [InlineData("departmentId={d}&from=2026-12-05&to=2026-12-01", "to")]
    [InlineData("departmentId={d}&from=2026-12-01&to=2027-02-01", "to")]
    [InlineData("departmentId={d}&title=professor", "title")]
    [InlineData("departmentId={d}&session=night", "session")]
    [InlineData("departmentId={d}&limit=0", "limit")]
    public async Task BadInputIsRefusedNamingTheField(string query, string field)
    {
        using var client = factory.CreateAnonymousClient();
        using var admin = factory.CreateClient();
        var (department, _, _) = await DepartmentAsync(admin);

        using var response = await client.GetAsync("/api/availability?" + query.Replace("{d}", department, StringComparison.Ordinal));

        Assert.Equal([field], (await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task AnUnknownDepartmentOrADoctorOfAnotherIsNotFound()
    {
        using var client = factory.CreateClient();
        var (department, _, _) = await DepartmentAsync(client);
        var (_, stranger, _) = await DepartmentAsync(client);

        using var noDepartment = await client.GetAsync("/api/availability?departmentId=no-such-department");
        using var otherDoctor = await client.GetAsync($"/api/availability?departmentId={department}&doctorId={stranger}");

        await noDepartment.ReadProblemAsync(HttpStatusCode.NotFound, "department_not_found");
        await otherDoctor.ReadProblemAsync(HttpStatusCode.NotFound, "doctor_not_found");
    }

    private static async Task<(string Department, string Attending, string Chief)> DepartmentAsync(HttpClient client)
    {
        var department = CatalogueCalls.NewId("dept-av");
        var attending = CatalogueCalls.NewId("dr-av");
        var chief = CatalogueCalls.NewId("dr-avc");
        await client.CreateDepartmentAsync(department);
        await client.CreateDoctorAsync(attending, department, name: "Li Wei");
        await client.CreateDoctorAsync(chief, department, name: "Chief Zhou", title: "chief");
        return (department, attending, chief);
    }

    private static async Task<string> PoolAsync(
        HttpClient client, string department, string doctor, string date, string session, string start, int quota, string? releaseAt = null)
    {
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId, quota);
        body["departmentId"] = department;
        body["doctorId"] = doctor;
        body["date"] = date;
        body["session"] = session;
        body["startTime"] = start;
        if (releaseAt is not null) body["releaseAt"] = releaseAt;
        await client.CreatePoolAsync(body);
        return poolId;
    }

    private static async Task<JsonElement> FindAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/availability?" + query);
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    private static string[] PoolIds(JsonElement answer) =>
        answer.GetProperty("sessions").EnumerateArray().Select(s => s.Str("poolId")).ToArray();
}
