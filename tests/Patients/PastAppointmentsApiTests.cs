using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

/// <summary>Its own host, because it moves the clock past the visit day.</summary>
public sealed class PastAppointmentsApiTests(PatientsApiFactory factory) : IClassFixture<PatientsApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task AVisitDayThatHasGoneByMovesTheAppointmentToPast()
    {
        var patientId = PatientCalls.NewId("pt-");
        await client.RegisterOkAsync(PatientCalls.NewId("acct-"), patientId);
        using var made = await client.ReserveAsIsAsync(await client.OpenPoolAsync(), patientId);
        var reservationId = (await made.ReadAsync(HttpStatusCode.Created)).Str("reservationId");
        var before = await (await client.GetAsync($"/api/patients/{patientId}/appointments")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(reservationId, Assert.Single(before.EnumerateArray()).Str("reservationId"));

        // 2026-12-03 00:30 in Beijing: the visit day (12-02) is over.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 16, 30, 0, TimeSpan.Zero));

        var upcoming = await (await client.GetAsync($"/api/patients/{patientId}/appointments?scope=upcoming")).ReadAsync(HttpStatusCode.OK);
        var past = await (await client.GetAsync($"/api/patients/{patientId}/appointments?scope=past")).ReadAsync(HttpStatusCode.OK);
        Assert.Empty(upcoming.EnumerateArray());
        // Its status is the doctor's day's business (the end-of-session sweep may mark it no_show).
        Assert.Equal(reservationId, Assert.Single(past.EnumerateArray()).Str("reservationId"));
    }
}
