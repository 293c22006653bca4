using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting.DoctorsDay;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.DoctorsDay;

/// <summary>
/// The doctor's day over HTTP. Reservations are made on the pool grain directly, so these tests
/// do not depend on how patients register; everything the doctor's side does goes through HTTP.
/// </summary>
public sealed class DoctorsDayApiTests(DoctorsDayApiTests.NoSweepFactory factory) : IClassFixture<DoctorsDayApiTests.NoSweepFactory>
{
    /// <summary>
    /// The silo without the no-show sweep: moving the clock past a session's end would let the sweep
    /// race the doctor's taps (NoShowSweepJobTests covers the sweep).
    /// </summary>
    public sealed class NoSweepFactory : BookingApiFactory
    {
        public NoSweepFactory() => WithServices(services => services.AddSingleton<ISessionsToSweep>(new NoSessions()));

        private sealed class NoSessions : ISessionsToSweep
        {
            public Task<IReadOnlyList<PoolDefinition>> FindAsync(DateOnly throughDate, CancellationToken cancellationToken) =>
                Task.FromResult<IReadOnlyList<PoolDefinition>>([]);
        }
    }

    private readonly HttpClient client = factory.CreateClient();

    private ISlotPoolGrainFactory Pools => factory.Services.GetRequiredService<ISlotPoolGrainFactory>();

    [Fact]
    public async Task TheDayListShowsReservationsInNumberOrderWithTheirStatusAndCounts()
    {
        var poolId = await CreatePoolAsync();
        var first = await ReserveAsync(poolId, "patient-1");
        var second = await ReserveAsync(poolId, "patient-2");
        var third = await ReserveAsync(poolId, "patient-3");
        await Pools.GetSlotPool(poolId).CancelAsync(second.ReservationId, CancellationReason.AdminAction);
        OpenTheDoctorsDay();
        await PostOkAsync($"/api/pools/{poolId}/reservations/{third.ReservationId}/check-in");

        var list = await GetOkAsync($"/api/pools/{poolId}/day-list");
        var withCancelled = await GetOkAsync($"/api/pools/{poolId}/day-list?includeCancelled=true");

        Assert.Equal(poolId, list.GetProperty("pool").Str("poolId"));
        Assert.Equal([(1, "booked"), (3, "checked_in")], Entries(list));
        Assert.Equal([(1, "booked"), (2, "cancelled"), (3, "checked_in")], Entries(withCancelled));
        Assert.Equal(first.ReservationId, list.GetProperty("reservations")[0].Str("reservationId"));
        Assert.Equal(1, list.Int("booked"));
        Assert.Equal(1, list.Int("waiting"));
        Assert.Equal(0, list.Int("inConsultation"));
    }

    [Fact]
    public async Task TheDayListNamesEachPatientMaskedAndNeverInFull()
    {
        var poolId = await CreatePoolAsync();
        var (chinese, latin) = ("pt-" + Guid.NewGuid().ToString("N")[..10], "pt-" + Guid.NewGuid().ToString("N")[..10]);
        await client.RegisterDirectlyAsync(chinese, "acct-" + chinese, name: "张三丰");
        await client.RegisterDirectlyAsync(latin, "acct-" + latin, name: "Zhang San");
        await ReserveAsync(poolId, chinese);
        await ReserveAsync(poolId, latin);

        var list = await GetOkAsync($"/api/pools/{poolId}/day-list");
        var names = list.GetProperty("patientNames");

        Assert.Equal(("张**", "Z**** S**"), (names.Str(chinese), names.Str(latin)));
        Assert.DoesNotContain(StringsIn(list), text => text.Contains("三丰", StringComparison.Ordinal) || text.Contains("Zhang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDayListOfAnUnknownPoolIs404AndOfAMalformedIdIs400()
    {
        using var missing = await client.GetAsync("/api/pools/no-such-pool/day-list");
        await missing.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
        using var malformed = await client.GetAsync("/api/pools/bad%20id/day-list");
        await malformed.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task CheckInCallNextAndCompleteWalkAPatientThroughTheVisit()
    {
        var poolId = await CreatePoolAsync();
        var first = await ReserveAsync(poolId, "patient-1");
        var second = await ReserveAsync(poolId, "patient-2");
        OpenTheDoctorsDay();
        await PostOkAsync($"/api/pools/{poolId}/reservations/{second.ReservationId}/check-in");
        var checkedIn = await PostOkAsync($"/api/pools/{poolId}/reservations/{first.ReservationId}/check-in");

        var called = await PostOkAsync($"/api/pools/{poolId}/call-next");
        var completed = await PostOkAsync($"/api/pools/{poolId}/reservations/{first.ReservationId}/complete");
        var calledNext = await PostOkAsync($"/api/pools/{poolId}/call-next");

        Assert.Equal("checked_in", checkedIn.Str("status"));
        Assert.Equal(first.ReservationId, called.Str("reservationId"));
        Assert.Equal("in_consultation", called.Str("status"));
        Assert.Equal("completed", completed.Str("status"));
        Assert.Equal(second.ReservationId, calledNext.Str("reservationId"));
    }

    [Fact]
    public async Task AnInvalidTransitionIs409NamingFromAndTo()
    {
        var poolId = await CreatePoolAsync();
        var reservation = await ReserveAsync(poolId, "patient-1");

        using var response = await client.PostAsync($"/api/pools/{poolId}/reservations/{reservation.ReservationId}/complete", null);
        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");

        Assert.Equal("booked", problem.Str("from"));
        Assert.Equal("completed", problem.Str("to"));
    }

    [Fact]
    public async Task AMoveOnAnUnknownReservationIs404AndOnAMalformedIdIs400()
    {
        var poolId = await CreatePoolAsync();

        using var missing = await client.PostAsync($"/api/pools/{poolId}/reservations/{new string('a', 32)}/check-in", null);
        await missing.ReadProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
        using var malformed = await client.PostAsync($"/api/pools/{poolId}/reservations/not-an-id/no-show", null);
        await malformed.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task CallNextWithNobodyWaitingIs409AndOnAnUnknownPoolIs404()
    {
        var poolId = await CreatePoolAsync();
        await ReserveAsync(poolId, "patient-1");
        OpenTheDoctorsDay();

        using var nobody = await client.PostAsync($"/api/pools/{poolId}/call-next", null);
        await nobody.ReadProblemAsync(HttpStatusCode.Conflict, "nobody_waiting");
        using var missing = await client.PostAsync("/api/pools/no-such-pool/call-next", null);
        await missing.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }

    [Fact]
    public async Task MarkingANoShowTellsTheListenerOnceAndReleasesTheNumber()
    {
        var listener = new RecordingListener();
        using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<INoShowListener>(listener)));
        using var doctor = host.CreateClientActingAs(TestIdentity.Admin);
        var pools = host.Services.GetRequiredService<ISlotPoolGrainFactory>();
        var poolId = await CreatePoolAsync(doctor);
        var reservation = Assert.IsType<ReserveOutcome.Reserved>(await pools.GetSlotPool(poolId).ReserveAsync(new ReserveRequest("patient-1"))).Reservation;
        OpenTheDoctorsDay();

        var first = await PostOkAsync($"/api/pools/{poolId}/reservations/{reservation.ReservationId}/no-show", doctor);
        var again = await PostOkAsync($"/api/pools/{poolId}/reservations/{reservation.ReservationId}/no-show", doctor);

        Assert.Equal("no_show", first.Str("status"));
        Assert.Equal("no_show", again.Str("status"));
        Assert.Equal([reservation.ReservationId], listener.ReservationIds);
        Assert.Equal(0, (await doctor.GetPoolAsync(poolId)).Int("booked"));
    }

    [Fact]
    public async Task ADoctorsDayListsEachSessionInStartOrder()
    {
        var doctorId = "dr-" + Guid.NewGuid().ToString("N")[..10];
        var afternoon = await CreatePoolAsync(doctorId: doctorId, session: "afternoon", startTime: "13:30");
        var morning = await CreatePoolAsync(doctorId: doctorId);
        await ReserveAsync(morning, "patient-1");

        var day = await GetOkAsync($"/api/doctors/{doctorId}/days/2026-12-02");
        var empty = await GetOkAsync($"/api/doctors/{doctorId}/days/2026-12-03");

        Assert.Equal(doctorId, day.Str("doctorId"));
        Assert.Equal([morning, afternoon], day.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("pool").Str("poolId")));
        Assert.Equal(1, day.GetProperty("sessions")[0].GetProperty("reservations").GetArrayLength());
        Assert.Equal(0, empty.GetProperty("sessions").GetArrayLength());
    }

    [Fact]
    public async Task ADoctorsDayWithAMalformedDateIs400()
    {
        using var response = await client.GetAsync("/api/doctors/dr-li/days/02-12-2026");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["date"], problem.ErrorFields());
    }

    [Fact]
    public async Task StopClinicCancelsEveryNumberAndWritesOneOutboxRowPerPatient()
    {
        var poolId = await CreatePoolAsync();
        var reservations = new[] { await ReserveAsync(poolId, "patient-1"), await ReserveAsync(poolId, "patient-2") };

        using var response = await client.PostAsJsonAsync($"/api/admin/pools/{poolId}/stop-clinic", new { reason = "Dr. Li is ill" });
        var body = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", body.GetProperty("pool").Str("status"));
        Assert.Equal(0, body.GetProperty("pool").Int("booked"));
        Assert.Equal(2, body.Int("patientsNotified"));
        Assert.All(body.GetProperty("cancelled").EnumerateArray(), r => Assert.Equal("doctor_unavailable", r.Str("cancellationReason")));
        var rows = await OutboxRowsAsync(reservations.Select(r => r.ReservationId));
        Assert.Equal(["patient-1", "patient-2"], rows.Select(r => r.PatientId).Order());
        Assert.All(rows, r => Assert.Equal("clinic_stopped", r.Kind));
        Assert.All(rows, r => Assert.Equal("Dr. Li is ill", r.Reason));
    }

    [Fact]
    public async Task StoppingAStoppedClinicIs409AndAnUnknownPoolIs404()
    {
        var poolId = await CreatePoolAsync();
        using (var first = await client.PostAsJsonAsync($"/api/admin/pools/{poolId}/stop-clinic", new { reason = "ill" }))
            await first.ReadAsync(HttpStatusCode.OK);

        using var again = await client.PostAsJsonAsync($"/api/admin/pools/{poolId}/stop-clinic", new { reason = "ill" });
        await again.ReadProblemAsync(HttpStatusCode.Conflict, "pool_cancelled");
        using var missing = await client.PostAsJsonAsync("/api/admin/pools/no-such-pool/stop-clinic", new { reason = "ill" });
        await missing.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }

    [Fact]
    public async Task CancellingThroughPatchWritesTheOutboxToo()
    {
        var poolId = await CreatePoolAsync();
        var reservation = await ReserveAsync(poolId, "patient-9");

        var pool = await client.PatchPoolAsync(poolId, "{\"status\":\"cancelled\"}", HttpStatusCode.OK);

        Assert.Equal("cancelled", pool.Str("status"));
        var row = Assert.Single(await OutboxRowsAsync([reservation.ReservationId]));
        Assert.Equal("patient-9", row.PatientId);
        Assert.Null(row.Reason);
    }

    [Theory]
    [InlineData("post", "/api/pools/bad%20id/call-next")]
    [InlineData("post", "/api/pools/bad%20id/reservations/0123456789abcdef0123456789abcdef/check-in")]
    [InlineData("post", "/api/pools/bad%20id/reservations/0123456789abcdef0123456789abcdef/complete")]
    [InlineData("get", "/api/doctors/bad%20id/days/2026-12-02")]
    public async Task AMalformedIdInThePathIs400(string method, string path)
    {
        using var response = method == "get" ? await client.GetAsync(path) : await client.PostAsync(path, null);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task StopClinicWithAReasonOver500CharactersIs400()
    {
        var poolId = await CreatePoolAsync();

        using var response = await client.PostAsJsonAsync($"/api/admin/pools/{poolId}/stop-clinic", new { reason = new string('x', 501) });

        Assert.Equal(["reason"], (await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"reason\":\"   \"}")]
    public async Task StopClinicWithoutAReasonIs400(string body)
    {
        var poolId = await CreatePoolAsync();

        using var response = await client.PostAsync($"/api/admin/pools/{poolId}/stop-clinic", ApiCalls.Json(body));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["reason"], problem.ErrorFields());
        Assert.Equal("open", (await client.GetPoolAsync(poolId)).Str("status"));
    }

    [Theory]
    [InlineData("check-in", "checked_in", "2026-12-20T07:00:00+08:00")]
    [InlineData("no-show", "no_show", "2026-12-20T13:30:00+08:00")]
    public async Task AMoveBeforeItsTimeIs409TooEarlyWithWhenItOpensAndChangesNothing(string move, string to, string opensAt)
    {
        var poolId = await CreatePoolAsync(date: "2026-12-20");
        var reservation = await ReserveAsync(poolId, "patient-1");

        using var response = await client.PostAsync($"/api/pools/{poolId}/reservations/{reservation.ReservationId}/{move}", null);
        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "too_early");

        Assert.Equal(to, problem.Str("to"));
        Assert.Equal(opensAt, problem.Str("opensAt"));
        Assert.Equal(ReservationStatus.Booked, (await Pools.GetSlotPool(poolId).GetReservationAsync(reservation.ReservationId))!.Status);
    }

    [Fact]
    public async Task CallingThePatientsBeforeTheSessionStartsIs409TooEarly()
    {
        var poolId = await CreatePoolAsync(date: "2026-12-20");

        using var response = await client.PostAsync($"/api/pools/{poolId}/call-next", null);
        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "too_early");

        Assert.Equal("2026-12-20T08:00:00+08:00", problem.Str("opensAt"));
    }

    [Fact]
    public async Task AnAdminWithdrawsAWronglyRecordedNoShowOnceAndItEndsCancelledByTheHospital()
    {
        var poolId = await CreatePoolAsync();
        var reservation = await ReserveAsync(poolId, "patient-1");
        var booked = await ReserveAsync(poolId, "patient-2");
        OpenTheDoctorsDay();
        await PostOkAsync($"/api/pools/{poolId}/reservations/{reservation.ReservationId}/no-show");
        var path = $"/api/admin/pools/{poolId}/reservations/{reservation.ReservationId}/withdraw-no-show";

        using var withoutReason = await client.PostAsJsonAsync(path, new { });
        using var withdrawn = await client.PostAsJsonAsync(path, new { reason = "seen by Dr. Li; the desk missed the check-in" });
        using var again = await client.PostAsJsonAsync(path, new { reason = "twice" });
        using var notANoShow = await client.PostAsJsonAsync(
            $"/api/admin/pools/{poolId}/reservations/{booked.ReservationId}/withdraw-no-show", new { reason = "wrong one" });

        Assert.Equal(["reason"], (await withoutReason.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        var body = await withdrawn.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", body.GetProperty("reservation").Str("status"));
        Assert.Equal("admin_action", body.GetProperty("reservation").Str("cancellationReason"));
        Assert.False(body.GetProperty("suspensionLifted").GetBoolean(), "an unregistered patient has no suspension to lift");
        Assert.Equal("cancelled", (await again.ReadProblemAsync(HttpStatusCode.Conflict, "not_a_no_show")).Str("reservationStatus"));
        Assert.Equal("booked", (await notANoShow.ReadProblemAsync(HttpStatusCode.Conflict, "not_a_no_show")).Str("reservationStatus"));
        Assert.Equal(0, (await GetOkAsync($"/api/pools/{poolId}/day-list")).GetProperty("noShows").GetInt32());
    }

    /// <summary>13:30 on the test pools' day (2026-12-02): their session and its no-show grace are over, the day still runs.</summary>
    private void OpenTheDoctorsDay()
    {
        var open = new DateTimeOffset(2026, 12, 2, 13, 30, 0, TimeSpan.FromHours(8));
        if (factory.Clock.GetUtcNow() < open) factory.Clock.SetUtcNow(open);
    }

    private async Task<string> CreatePoolAsync(HttpClient? via = null, string doctorId = "dr-li", string session = "morning", string startTime = "08:00",
        string date = "2026-12-02")
    {
        var body = ApiCalls.PoolBody(ApiCalls.NewPoolId());
        body["date"] = date;
        body["doctorId"] = doctorId;
        body["session"] = session;
        body["startTime"] = startTime;
        return (await (via ?? client).CreatePoolAsync(body)).Str("poolId");
    }

    private async Task<Reservation> ReserveAsync(string poolId, string patientId) =>
        Assert.IsType<ReserveOutcome.Reserved>(await Pools.GetSlotPool(poolId).ReserveAsync(new ReserveRequest(patientId))).Reservation;

    private Task<JsonElement> PostOkAsync(string path) => PostOkAsync(path, client);

    private static async Task<JsonElement> PostOkAsync(string path, HttpClient via)
    {
        using var response = await via.PostAsync(path, null);
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    private async Task<JsonElement> GetOkAsync(string path)
    {
        using var response = await client.GetAsync(path);
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    // Every string value and property name, decoded (the body may write 张 as \u5F20).
    private static IEnumerable<string> StringsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => StringsIn(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringsIn),
        _ => [],
    };

    private static (int, string)[] Entries(JsonElement dayList) =>
        dayList.GetProperty("reservations").EnumerateArray().Select(r => (r.Int("sequenceNumber"), r.Str("status"))).ToArray();

    /// <summary>The outbox rows about these reservations, read straight from the silo's SQLite file.</summary>
    private async Task<List<(string PatientId, string Kind, string? Reason)>> OutboxRowsAsync(IEnumerable<string> reservationIds)
    {
        var wanted = reservationIds.ToHashSet();
        var connectionString = factory.Services.GetRequiredService<IConfiguration>()["Storage:ConnectionString"];
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT patient_id, kind, payload FROM notifications WHERE kind = 'clinic_stopped'";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string?)>();
        while (await reader.ReadAsync())
        {
            using var payload = JsonDocument.Parse(reader.GetString(2));
            if (!wanted.Contains(payload.RootElement.GetProperty("reservationId").GetString()!)) continue;
            rows.Add((reader.GetString(0), reader.GetString(1), payload.RootElement.GetProperty("reason").GetString()));
        }
        return rows;
    }

    private sealed class RecordingListener : INoShowListener
    {
        private readonly List<string> reservationIds = [];

        public IReadOnlyList<string> ReservationIds
        {
            get
            {
                lock (reservationIds) return [.. reservationIds];
            }
        }

        public Task NoShowRecordedAsync(Reservation noShow, DateTimeOffset at, CancellationToken cancellationToken)
        {
            lock (reservationIds) reservationIds.Add(noShow.ReservationId);
            return Task.CompletedTask;
        }
    }
}
