using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

/// <summary>Booking through the patient: registration required, limits, cancellation, replay, suspension and its lift.</summary>
public sealed class PatientBookingApiTests(PatientsApiFactory factory) : IClassFixture<PatientsApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<string> RegisteredPatientAsync()
    {
        var patientId = PatientCalls.NewId("pt-");
        await client.RegisterOkAsync(PatientCalls.NewId("acct-"), patientId);
        return patientId;
    }

    [Fact]
    public async Task AnUnregisteredPatientCannotBook()
    {
        var poolId = await client.OpenPoolAsync();

        using var response = await client.ReserveAsIsAsync(poolId, PatientCalls.NewId("ghost-"));

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
        Assert.Equal(0, (await client.GetPoolAsync(poolId)).Int("booked"));
    }

    [Fact]
    public async Task AThirdReservationOnOneDayAnswersLimitReachedPerDay()
    {
        var patientId = await RegisteredPatientAsync();
        var pools = new[] { await client.OpenPoolAsync(), await client.OpenPoolAsync(), await client.OpenPoolAsync() };
        (await client.ReserveAsIsAsync(pools[0], patientId)).Dispose();
        (await client.ReserveAsIsAsync(pools[1], patientId)).Dispose();

        using var third = await client.ReserveAsIsAsync(pools[2], patientId);

        var problem = await third.ReadProblemAsync(HttpStatusCode.Conflict, "limit_reached");
        Assert.Equal(("per_day", 2), (problem.Str("limit"), problem.Int("allowed")));
        Assert.Equal(0, (await client.GetPoolAsync(pools[2])).Int("booked"));
    }

    [Fact]
    public async Task AnIdempotentRetryIsAnsweredEvenAtTheLimit()
    {
        var patientId = await RegisteredPatientAsync();
        var first = await client.OpenPoolAsync();
        var second = await client.OpenPoolAsync();
        using var made = await client.ReserveAsIsAsync(first, patientId, "k-first");
        var reservation = await made.ReadAsync(HttpStatusCode.Created);
        (await client.ReserveAsIsAsync(second, patientId, "k-second")).Dispose();

        using var retry = await client.ReserveAsIsAsync(first, patientId, "k-first");

        var replayed = await retry.ReadAsync(HttpStatusCode.Created);
        Assert.Equal(reservation.Str("reservationId"), replayed.Str("reservationId"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task CancellingFreesTheLimit()
    {
        var patientId = await RegisteredPatientAsync();
        var pools = new[] { await client.OpenPoolAsync(), await client.OpenPoolAsync(), await client.OpenPoolAsync() };
        using var made = await client.ReserveAsIsAsync(pools[0], patientId);
        var reservationId = (await made.ReadAsync(HttpStatusCode.Created)).Str("reservationId");
        (await client.ReserveAsIsAsync(pools[1], patientId)).Dispose();

        (await (await client.DeleteAsync($"/api/reservations/{reservationId}")).ReadAsync(HttpStatusCode.OK)).GetRawText();

        using var third = await client.ReserveAsIsAsync(pools[2], patientId);
        await third.ReadAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ThreeNoShowsSuspendBookingUntilAnAdminLiftsIt()
    {
        var patientId = await RegisteredPatientAsync();
        var poolId = await client.OpenPoolAsync();
        var patient = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IPatientGrain>(patientId);
        foreach (var r in new[] { "r1", "r2", "r3" }) await patient.RecordNoShowAsync(r, factory.Clock.GetUtcNow());

        using (var refused = await client.ReserveAsIsAsync(poolId, patientId))
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict, "patient_suspended");
            Assert.Equal(BookingApiFactory.Start.AddDays(90), problem.GetProperty("suspendedUntil").GetDateTimeOffset());
        }
        var suspended = await (await client.GetAsync($"/api/admin/patients/{patientId}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(BookingApiFactory.Start.AddDays(90), suspended.GetProperty("suspendedUntil").GetDateTimeOffset());

        var lifted = await (await client.DeleteAsync($"/api/admin/patients/{patientId}/suspension")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, lifted.GetProperty("suspendedUntil").ValueKind);
        using var booked = await client.ReserveAsIsAsync(poolId, patientId);
        await booked.ReadAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task NoShowsMarkedByTheDoctorsDayCountAgainstThePatient()
    {
        var patientId = await RegisteredPatientAsync();
        var listener = factory.Services.GetRequiredService<INoShowListener>();
        Assert.IsType<PatientNoShowListener>(listener);

        foreach (var n in new[] { 1, 2, 3 })
        {
            var missed = new Reservation($"missed-{n}", "pool-x", patientId, n, BookingApiFactory.Start, ReservationStatus.NoShow, BookingApiFactory.Start, null);
            await listener.NoShowRecordedAsync(missed, factory.Clock.GetUtcNow(), CancellationToken.None);
        }

        using var refused = await client.ReserveAsIsAsync(await client.OpenPoolAsync(), patientId);
        await refused.ReadProblemAsync(HttpStatusCode.Conflict, "patient_suspended");
    }

    [Fact]
    public async Task LiftingForAnUnknownPatientIsNotFound()
    {
        using var response = await client.DeleteAsync($"/api/admin/patients/{PatientCalls.NewId("ghost-")}/suspension");

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
    }

    [Fact]
    public async Task APatientRegisteredAfterAFailedAttemptCanBook()
    {
        var poolId = await client.OpenPoolAsync();
        var patientId = PatientCalls.NewId("late-");
        (await client.ReserveAsIsAsync(poolId, patientId)).Dispose();

        await client.RegisterOkAsync(PatientCalls.NewId("acct-"), patientId);

        using var booked = await client.ReserveAsIsAsync(poolId, patientId);
        await booked.ReadAsync(HttpStatusCode.Created);
    }
}
