using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Patients;

namespace OrleansBooking.Tests.Accounts;

/// <summary>
/// Past the role policy, a patient account reaches only the patients it manages and their
/// reservations; a doctor only their own sessions. Someone else's reservation answers exactly like
/// a missing one, so guessing ids tells nothing.
/// </summary>
public sealed class OwnershipTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient admin = factory.CreateClient();

    private async Task<(string PoolId, string ReservationId, string PatientId, TestIdentity Owner)> BookedAsync(string doctorId = "dr-own")
    {
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["doctorId"] = doctorId;
        await admin.CreatePoolAsync(body);
        var patientId = PatientCalls.NewId("pt-");
        var reservation = await admin.ReserveOkAsync(poolId, patientId);
        return (poolId, reservation.Str("reservationId"), patientId, TestIdentity.PatientAccountOf(patientId));
    }

    private static string Other() => PatientCalls.NewId("acct-other-");

    [Fact]
    public async Task AnotherAccountsReservationReadsAsMissing()
    {
        var (_, reservationId, _, owner) = await BookedAsync();
        using var stranger = factory.CreateClientAs(TestIdentity.Patient(Other()));
        using var ownerClient = factory.CreateClientAs(owner);

        using var theirs = await stranger.GetAsync($"/api/reservations/{reservationId}");
        using var missing = await stranger.GetAsync($"/api/reservations/{Guid.NewGuid():N}");
        using var own = await ownerClient.GetAsync($"/api/reservations/{reservationId}");

        var theirsProblem = await theirs.ReadProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
        var missingProblem = await missing.ReadProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
        Assert.Equal((theirsProblem.Str("title"), theirsProblem.GetProperty("status").GetInt32()),
            (missingProblem.Str("title"), missingProblem.GetProperty("status").GetInt32()));
        Assert.Equal(reservationId, (await own.ReadAsync(HttpStatusCode.OK)).Str("reservationId"));
    }

    [Fact]
    public async Task AnotherAccountCannotCancelAReservation()
    {
        var (poolId, reservationId, _, _) = await BookedAsync();
        using var stranger = factory.CreateClientAs(TestIdentity.Patient(Other()));

        using var cancel = await stranger.DeleteAsync($"/api/reservations/{reservationId}");

        await cancel.ReadProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
        Assert.Equal(1, (await admin.GetPoolAsync(poolId)).Int("booked"));
    }

    [Fact]
    public async Task TheOwnerAndAnAdminMayCancel()
    {
        var (poolId, first, _, owner) = await BookedAsync();
        using var ownerClient = factory.CreateClientAs(owner);
        using (var byOwner = await ownerClient.DeleteAsync($"/api/reservations/{first}"))
            Assert.Equal("cancelled", (await byOwner.ReadAsync(HttpStatusCode.OK)).Str("status"));

        var second = await admin.ReserveOkAsync(poolId, PatientCalls.NewId("pt-"));
        using (var byAdmin = await admin.DeleteAsync($"/api/reservations/{second.Str("reservationId")}"))
            Assert.Equal("cancelled", (await byAdmin.ReadAsync(HttpStatusCode.OK)).Str("status"));
        Assert.Equal(0, (await admin.GetPoolAsync(poolId)).Int("booked"));
    }

    [Fact]
    public async Task AnAccountCannotBookForAnotherAccountsPatient()
    {
        var poolId = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var patientId = PatientCalls.NewId("pt-");
        await admin.EnsurePatientAsync(patientId);
        using var stranger = factory.CreateClientAs(TestIdentity.Patient(Other()));

        using var response = await stranger.PostAsJsonAsync($"/api/pools/{poolId}/reservations", new { patientId });

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
        Assert.Equal(0, (await admin.GetPoolAsync(poolId)).Int("booked"));
    }

    [Fact]
    public async Task AnAccountOfOnePatientMayLeaveThePatientOut()
    {
        var poolId = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var patientId = PatientCalls.NewId("pt-");
        await admin.EnsurePatientAsync(patientId);
        using var owner = factory.CreateClientAs(TestIdentity.PatientAccountOf(patientId));

        using var response = await owner.PostAsJsonAsync($"/api/pools/{poolId}/reservations", new { });

        Assert.Equal(patientId, (await response.ReadAsync(HttpStatusCode.Created)).Str("patientId"));
    }

    [Fact]
    public async Task AnotherAccountsPatientsAppointmentsReadAsMissing()
    {
        var (_, _, patientId, owner) = await BookedAsync();
        using var stranger = factory.CreateClientAs(TestIdentity.Patient(Other()));
        using var ownerClient = factory.CreateClientAs(owner);

        using var theirs = await stranger.GetAsync($"/api/patients/{patientId}/appointments");
        using var own = await ownerClient.GetAsync($"/api/patients/{patientId}/appointments");
        using var byAdmin = await admin.GetAsync($"/api/patients/{patientId}/appointments");

        await theirs.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
        Assert.Equal(1, (await own.ReadAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(1, (await byAdmin.ReadAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task ADoctorSeesOnlyTheirOwnSessions()
    {
        var (poolId, reservationId, _, _) = await BookedAsync(doctorId: "dr-zhou");
        using var zhou = factory.CreateClientAs(TestIdentity.Doctor("dr-zhou"));
        using var wu = factory.CreateClientAs(TestIdentity.Doctor("dr-wu"));

        using (var own = await zhou.GetAsync($"/api/pools/{poolId}/day-list")) await own.ReadAsync(HttpStatusCode.OK);
        using (var ownDay = await zhou.GetAsync("/api/doctors/dr-zhou/days/2026-12-02")) await ownDay.ReadAsync(HttpStatusCode.OK);
        using (var ownReservation = await zhou.GetAsync($"/api/reservations/{reservationId}")) await ownReservation.ReadAsync(HttpStatusCode.OK);

        using (var other = await wu.GetAsync($"/api/pools/{poolId}/day-list")) await other.ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var otherDay = await wu.GetAsync("/api/doctors/dr-zhou/days/2026-12-02")) await otherDay.ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var list = await wu.GetAsync($"/api/pools/{poolId}/reservations")) await list.ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var otherReservation = await wu.GetAsync($"/api/reservations/{reservationId}"))
            await otherReservation.ReadProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
    }

    [Fact]
    public async Task ADoctorCannotRunAnotherDoctorsSession()
    {
        var (poolId, reservationId, _, _) = await BookedAsync(doctorId: "dr-zhou");
        using var wu = factory.CreateClientAs(TestIdentity.Doctor("dr-wu"));

        using var checkIn = await wu.PostAsync($"/api/pools/{poolId}/reservations/{reservationId}/check-in", null);

        await checkIn.ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var reservation = await (await admin.GetAsync($"/api/reservations/{reservationId}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("booked", reservation.Str("status"));
    }
}
