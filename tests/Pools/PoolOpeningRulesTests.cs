using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Catalogue;

namespace OrleansBooking.Tests.Pools;

/// <summary>
/// POST and PATCH /api/admin/pools check every date, time and reference against the catalogue and
/// sane bounds (issue 15): each refusal is problem+json with a stable code and opens no pool. The
/// clock stands at 08:00 on 2026-11-30 in the hospital; load-test mode is off, as in a hospital.
/// </summary>
public sealed class PoolOpeningRulesTests : IAsyncLifetime
{
    private readonly BookingApiFactory silo = new BookingApiFactory().With("Booking:LoadTest:Enabled", "false");
    private HttpClient admin = null!;
    private readonly string department = CatalogueCalls.NewId("dept");
    private readonly string doctor = CatalogueCalls.NewId("dr");

    public async Task InitializeAsync()
    {
        admin = silo.CreateClient();
        await admin.CreateDepartmentAsync(department);
        await admin.CreateDoctorAsync(doctor, department);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await silo.DisposeAsync();
    }

    private Dictionary<string, object?> Body(string poolId)
    {
        var body = ApiCalls.PoolBody(poolId);
        body["doctorId"] = doctor;
        return body;
    }

    [Theory]
    [InlineData("date", "2026-11-29", "date")]              // yesterday
    [InlineData("date", "0001-01-01", "date")]              // DateOnly.MinValue: its local midnight is before DateTimeOffset.MinValue in UTC
    [InlineData("date", "9999-12-31", "date")]              // DateOnly.MaxValue: the session's end overflows
    [InlineData("date", "2027-12-02", "date")]              // more than a year ahead
    [InlineData("releaseAt", "2026-12-02T08:00:00+08:00", "releaseAt")]  // at the session's start
    [InlineData("releaseAt", "2026-12-03T07:00:00+08:00", "releaseAt")]  // after the visit
    [InlineData("releaseAt", "2024-12-01T08:00:00+08:00", "releaseAt")]  // two years early
    [InlineData("releaseAt", "0001-01-01T00:00:00+14:00", "releaseAt")]  // before the first instant in UTC
    [InlineData("releaseAt", "9999-12-31T23:59:59-14:00", "releaseAt")]  // after the last instant in UTC
    [InlineData("startTime", "22:00", "quota")]             // 30 numbers of 10 minutes from 22:00 run to 03:00
    public async Task AnImpossibleCalendarIsRefusedAndOpensNoPool(string field, string value, string refusedField)
    {
        var poolId = ApiCalls.NewPoolId();
        var body = Body(poolId);
        body[field] = value;

        using var response = await admin.PostAsJsonAsync("/api/admin/pools", body);

        Assert.Equal([refusedField], (await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        await NoPoolAsync(poolId);
    }

    [Fact]
    public async Task ASessionEndingAtMidnightIsTaken()
    {
        var body = Body(ApiCalls.NewPoolId());
        body["startTime"] = "19:00";
        body["quota"] = 30;
        await admin.CreatePoolAsync(body);
    }

    [Fact]
    public async Task APoolNamingNoDepartmentIsFiledInItsDoctors()
    {
        var created = await admin.CreatePoolAsync(Body(ApiCalls.NewPoolId()));

        Assert.Equal(department, created.Str("departmentId"));
    }

    [Fact]
    public async Task ADoctorTheCatalogueDoesNotKnowIsRefused()
    {
        var poolId = ApiCalls.NewPoolId();
        var body = Body(poolId);
        body["doctorId"] = "dr-nobody";

        using var response = await admin.PostAsJsonAsync("/api/admin/pools", body);

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "doctor_not_found");
        await NoPoolAsync(poolId);
    }

    [Fact]
    public async Task ADoctorFiledUnderAnotherDepartmentIsRefused()
    {
        var other = CatalogueCalls.NewId("dept");
        await admin.CreateDepartmentAsync(other, "Neurology");
        var poolId = ApiCalls.NewPoolId();
        var body = Body(poolId);
        body["departmentId"] = other;

        using var response = await admin.PostAsJsonAsync("/api/admin/pools", body);

        Assert.Equal(department, (await response.ReadProblemAsync(HttpStatusCode.Conflict, "doctor_in_other_department")).Str("departmentId"));
        await NoPoolAsync(poolId);
    }

    [Fact]
    public async Task ADeactivatedDoctorOrDepartmentGetsNoNewPool()
    {
        var retired = CatalogueCalls.NewId("dr");
        await admin.CreateDoctorAsync(retired, department);
        using (var deactivated = await admin.DeleteAsync($"/api/admin/doctors/{retired}")) await deactivated.ReadAsync(HttpStatusCode.OK);
        var body = Body(ApiCalls.NewPoolId());
        body["doctorId"] = retired;
        using (var response = await admin.PostAsJsonAsync("/api/admin/pools", body)) await response.ReadProblemAsync(HttpStatusCode.Conflict, "doctor_inactive");

        using (var closed = await admin.DeleteAsync($"/api/admin/departments/{department}")) await closed.ReadAsync(HttpStatusCode.OK);
        var poolId = ApiCalls.NewPoolId();
        using (var response = await admin.PostAsJsonAsync("/api/admin/pools", Body(poolId)))
            await response.ReadProblemAsync(HttpStatusCode.Conflict, "department_inactive");
        await NoPoolAsync(poolId);
    }

    [Fact]
    public async Task ASecondPoolForTheSameDoctorDayAndSessionIsRefused()
    {
        var first = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(Body(first));
        var second = ApiCalls.NewPoolId();

        using var response = await admin.PostAsJsonAsync("/api/admin/pools", Body(second));

        Assert.Equal(first, (await response.ReadProblemAsync(HttpStatusCode.Conflict, "session_taken")).Str("poolId"));
        await NoPoolAsync(second);
        var afternoon = Body(ApiCalls.NewPoolId());
        afternoon["session"] = "afternoon";
        afternoon["startTime"] = "13:30";
        await admin.CreatePoolAsync(afternoon);
    }

    [Theory]
    [InlineData("""{"releaseAt": "2026-12-02T08:00:00+08:00"}""", "releaseAt")]
    [InlineData("""{"releaseAt": "9999-12-31T23:59:59-14:00"}""", "releaseAt")]
    [InlineData("""{"quota": 97}""", "quota")]   // 97 numbers of 10 minutes from 08:00 end at 00:10
    public async Task AChangeThatBreaksTheCalendarIsRefusedAndChangesNothing(string change, string refusedField)
    {
        var poolId = ApiCalls.NewPoolId();
        var before = await admin.CreatePoolAsync(Body(poolId));

        using var response = await admin.PatchAsync($"/api/admin/pools/{poolId}", ApiCalls.Json(change));

        Assert.Equal([refusedField], (await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        var after = await admin.GetPoolAsync(poolId);
        Assert.Equal((before.Int("quota"), before.Str("releaseAt")), (after.Int("quota"), after.Str("releaseAt")));
    }

    private async Task NoPoolAsync(string poolId)
    {
        using var get = await admin.GetAsync($"/api/pools/{poolId}");
        await get.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }
}
