using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

public sealed class AppointmentsApiTests(PatientsApiFactory factory) : IClassFixture<PatientsApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task UpcomingListsHeldNumbersAndPastListsTheCancelledOnes()
    {
        var patientId = PatientCalls.NewId("pt-");
        await client.RegisterOkAsync(PatientCalls.NewId("acct-"), patientId);
        var kept = await client.OpenPoolAsync();
        var dropped = await client.OpenPoolAsync();
        using var keptResponse = await client.ReserveAsIsAsync(kept, patientId);
        var keptReservation = await keptResponse.ReadAsync(HttpStatusCode.Created);
        using var droppedResponse = await client.ReserveAsIsAsync(dropped, patientId);
        var droppedId = (await droppedResponse.ReadAsync(HttpStatusCode.Created)).Str("reservationId");
        (await (await client.DeleteAsync($"/api/reservations/{droppedId}")).ReadAsync(HttpStatusCode.OK)).GetRawText();

        var upcoming = await (await client.GetAsync($"/api/patients/{patientId}/appointments?scope=upcoming")).ReadAsync(HttpStatusCode.OK);
        var past = await (await client.GetAsync($"/api/patients/{patientId}/appointments?scope=past")).ReadAsync(HttpStatusCode.OK);

        var next = Assert.Single(upcoming.EnumerateArray());
        Assert.Equal((keptReservation.Str("reservationId"), kept, "dr-li", "2026-12-02", "morning", "booked", keptReservation.Str("visitTime")),
            (next.Str("reservationId"), next.Str("poolId"), next.Str("doctorId"), next.Str("date"), next.Str("session"), next.Str("status"), next.Str("visitTime")));
        var gone = Assert.Single(past.EnumerateArray());
        Assert.Equal((droppedId, "cancelled", "patient_request"), (gone.Str("reservationId"), gone.Str("status"), gone.Str("cancellationReason")));
    }

    [Fact]
    public async Task AnUnknownScopeAnswers400()
    {
        using var response = await client.GetAsync("/api/patients/pt-1/appointments?scope=soon");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["scope"], problem.ErrorFields());
    }

    [Fact]
    public async Task AnUnknownPatientHasNoAppointments()
    {
        using var response = await client.GetAsync($"/api/patients/{PatientCalls.NewId("ghost-")}/appointments");

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
    }
}
