using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Statistics;

/// <summary>
/// Statistics over HTTP. Each test uses its own visit date so its figures are exactly its own.
/// Pools are released at 07:00 Beijing on 30 Nov and booked at the fixture's start (08:00), so a
/// pool that fills sells out in 3,600 seconds.
/// </summary>
public sealed class StatisticsApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task PerDoctorFiguresAsJson()
    {
        var (doctorId, date) = await TwoPoolsAsync("2026-12-05");

        var body = await GetOkAsync($"/api/admin/statistics/doctors?from={date}&to={date}");

        Assert.Equal(date, body.Str("from"));
        Assert.Equal("doctor", body.Str("groupedBy"));
        var row = Assert.Single(body.GetProperty("rows").EnumerateArray());
        Assert.Equal(doctorId, row.Str("key"));
        Assert.Equal(1, row.Int("rank"));
        Assert.Equal(2, row.Int("pools"));
        Assert.Equal(6, row.Int("released"));
        Assert.Equal(3, row.Int("booked"));
        Assert.Equal(0.5, row.GetProperty("fillRate").GetDouble());
        Assert.Equal(1, row.Int("cancellations"));
        Assert.Equal(0, row.Int("noShows"));
        Assert.Equal(1, row.Int("soldOutPools"));
        Assert.Equal(3600, row.GetProperty("averageSecondsToSellOut").GetDouble());
        Assert.Equal(3600, row.GetProperty("fastestSecondsToSellOut").GetDouble());
    }

    [Fact]
    public async Task PerDayAsCsvWithFormatCsv()
    {
        await TwoPoolsAsync("2026-12-06");

        using var response = await client.GetAsync("/api/admin/statistics/days?from=2026-12-06&to=2026-12-06&format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "date,rank,pools,released,booked,fill_rate,cancellations,no_shows,sold_out_pools,average_seconds_to_sell_out,fastest_seconds_to_sell_out\r\n" +
            "2026-12-06,1,2,6,3,0.5,1,0,1,3600,3600\r\n",
            csv);
    }

    [Fact]
    public async Task PerDepartmentAsCsvWhenAcceptAsksForIt()
    {
        await TwoPoolsAsync("2026-12-07");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/statistics/departments?from=2026-12-07&to=2026-12-07");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        using var response = await client.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        // Pools opened by hand name no department: one row with an empty key.
        Assert.EndsWith("\r\n,1,2,6,3,0.5,1,0,1,3600,3600\r\n", csv);
    }

    [Fact]
    public async Task JsonStatesTheDateRangeAndCsvComesAsAFileNamedForIt()
    {
        var body = await GetOkAsync("/api/admin/statistics/departments?from=2026-12-01&to=2026-12-31");
        using var response = await client.GetAsync("/api/admin/statistics/departments?from=2026-12-01&to=2026-12-31&format=csv");

        Assert.Equal(("2026-12-01", "2026-12-31"), (body.Str("from"), body.Str("to")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("attachment", "statistics-department-2026-12-01-to-2026-12-31.csv"),
            (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName?.Trim('"')));
    }

    [Fact]
    public async Task ACsvWithoutDatesIsNamedForTodayInTheHospitalsZone()
    {
        using var response = await client.GetAsync("/api/admin/statistics/days?format=csv");

        Assert.Equal("statistics-day-2026-11-30-to-2026-11-30.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task TopKeepsOnlyTheBusiest()
    {
        var (busiest, date) = await TwoPoolsAsync("2026-12-08");
        var quieter = "dr-" + Guid.NewGuid().ToString("N")[..10];
        await CreatePoolAsync(quieter, date, quota: 5);

        var body = await GetOkAsync($"/api/admin/statistics/doctors?from={date}&to={date}&top=1");

        Assert.Equal([busiest], body.GetProperty("rows").EnumerateArray().Select(r => r.Str("key")));
    }

    [Fact]
    public async Task WithoutDatesItIsTodayInTheHospitalsZone()
    {
        var body = await GetOkAsync("/api/admin/statistics/days");

        Assert.Equal("2026-11-30", body.Str("from"));
        Assert.Equal("2026-11-30", body.Str("to"));
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-12-01", "from")]
    [InlineData("from=2026-12-02&to=2026-12-01", "to")]
    [InlineData("from=2026-01-01&to=2027-01-02", "to")]
    [InlineData("from=2026-12-01&to=2026-12-01&format=xml", "format")]
    [InlineData("from=2026-12-01&to=2026-12-01&top=0", "top")]
    public async Task BadParametersAre400NamingTheField(string query, string field)
    {
        using var response = await client.GetAsync("/api/admin/statistics/doctors?" + query);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([field], problem.ErrorFields());
    }

    /// <summary>A new doctor with two pools on <paramref name="date"/>: quota 2 filled; quota 4 with one booked and one cancelled.</summary>
    private async Task<(string DoctorId, string Date)> TwoPoolsAsync(string date)
    {
        var doctorId = "dr-" + Guid.NewGuid().ToString("N")[..10];
        var pools = factory.Services.GetRequiredService<ISlotPoolGrainFactory>();
        var full = pools.GetSlotPool(await CreatePoolAsync(doctorId, date, quota: 2));
        var partial = pools.GetSlotPool(await CreatePoolAsync(doctorId, date, quota: 4));
        Reserved(await full.ReserveAsync(new ReserveRequest("patient-1")));
        Reserved(await full.ReserveAsync(new ReserveRequest("patient-2")));
        Reserved(await partial.ReserveAsync(new ReserveRequest("patient-3")));
        var cancelled = Reserved(await partial.ReserveAsync(new ReserveRequest("patient-4")));
        Assert.IsType<CancelOutcome.Cancelled>(await partial.CancelAsync(cancelled.ReservationId, CancellationReason.PatientRequest));
        return (doctorId, date);
    }

    private async Task<string> CreatePoolAsync(string doctorId, string date, int quota)
    {
        var body = ApiCalls.PoolBody(ApiCalls.NewPoolId(), quota);
        body["doctorId"] = doctorId;
        body["date"] = date;
        return (await client.CreatePoolAsync(body)).Str("poolId");
    }

    private static Reservation Reserved(ReserveOutcome outcome) => Assert.IsType<ReserveOutcome.Reserved>(outcome).Reservation;

    private async Task<JsonElement> GetOkAsync(string path)
    {
        using var response = await client.GetAsync(path);
        return await response.ReadAsync(HttpStatusCode.OK);
    }
}
