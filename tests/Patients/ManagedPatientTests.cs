using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

/// <summary>The managing account corrects or removes a patient; the patient grain learns of it before its next decision.</summary>
public sealed class ManagedPatientTests(ClaimingSilo silo) : IClassFixture<ClaimingSilo>
{
    private readonly HttpClient client = silo.CreateClient();

    private Task<HttpResponseMessage> EditAsync(string accountId, string patientId, object body) =>
        client.SendAsAsync(TestIdentity.Patient(accountId), HttpMethod.Patch, $"/api/account/patients/{patientId}", JsonContent.Create(body));

    private Task<HttpResponseMessage> RemoveAsync(string accountId, string patientId) =>
        client.SendAsAsync(TestIdentity.Patient(accountId), HttpMethod.Delete, $"/api/account/patients/{patientId}");

    private async Task<(string Account, string PatientId)> PatientAsync()
    {
        var account = PatientCalls.NewId("acct-");
        return (account, (await client.RegisterThroughApiAsync(account)).Str("patientId"));
    }

    [Fact]
    public async Task AnEditChangesNameAndPhoneAndKeepsTheResidentId()
    {
        var (account, patientId) = await PatientAsync();
        var before = await (await client.GetAsAccountAsync(account, $"/api/account/patients/{patientId}")).ReadAsync(HttpStatusCode.OK);

        using var edited = await EditAsync(account, patientId, new { name = "张三丰", phone = "15012345678" });

        var patient = await edited.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("张三丰", "15012345678", before.Str("residentId")), (patient.Str("name"), patient.Str("phone"), patient.Str("residentId")));
        var after = await (await client.GetAsAccountAsync(account, $"/api/account/patients/{patientId}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("张三丰", "15012345678"), (after.Str("name"), after.Str("phone")));
    }

    public static TheoryData<string, string> BadEdits => new()
    {
        { """{ "phone": "12912345678" }""", "phone" },
        { """{ "name": "  " }""", "name" },
        { """{ }""", "name" },
        { """{ "name": "张三", "residentId": "11010519491231002X" }""", "residentId" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task ABadEditIsRefusedAndChangesNothing(string body, string field)
    {
        var (account, patientId) = await PatientAsync();

        using var response = await client.SendAsAsync(TestIdentity.Patient(account), HttpMethod.Patch, $"/api/account/patients/{patientId}", ApiCalls.Json(body));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
        Assert.Equal("张三", (await (await client.GetAsAccountAsync(account, $"/api/account/patients/{patientId}")).ReadAsync(HttpStatusCode.OK)).Str("name"));
    }

    [Fact]
    public async Task AnotherAccountCanNeitherEditNorRemoveThePatient()
    {
        var (account, patientId) = await PatientAsync();
        var other = PatientCalls.NewId("acct-");

        using var edit = await EditAsync(other, patientId, new { name = "李四" });
        await edit.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
        using var remove = await RemoveAsync(other, patientId);
        await remove.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
        Assert.Equal("张三", (await (await client.GetAsAccountAsync(account, $"/api/account/patients/{patientId}")).ReadAsync(HttpStatusCode.OK)).Str("name"));
    }

    [Fact]
    public async Task APatientHoldingAFutureNumberIsNotRemovedUntilItIsCancelled()
    {
        var (account, patientId) = await PatientAsync();
        using var booked = await client.SendAsync(OnePersonOnePatientTests.Booking(await client.OpenPoolAsync(), patientId, account));
        var reservationId = (await booked.ReadAsync(HttpStatusCode.Created)).Str("reservationId");

        using var refused = await RemoveAsync(account, patientId);
        var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict, "patient_has_bookings");
        Assert.Equal(1, problem.Int("held"));

        (await client.SendAsAsync(TestIdentity.Patient(account), HttpMethod.Delete, $"/api/reservations/{reservationId}")).Dispose();
        using var removed = await RemoveAsync(account, patientId);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await (await client.GetAsAccountAsync(account, "/api/account/patients")).ReadAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task ARemovedPatientCannotBookAndRegisteringThePersonAgainAttachesTheSamePatientWithProof()
    {
        var account = PatientCalls.NewId("acct-");
        var phone = AccountCalls.NewMobile();
        var patient = await client.RegisterThroughApiAsync(account, phone: phone);
        var (patientId, residentId) = (patient.Str("patientId"), patient.Str("residentId"));
        // Activates the grain, so removal must reach the activation and not only the database.
        using (var warm = await client.SendAsync(OnePersonOnePatientTests.Booking(await client.OpenPoolAsync(), patientId, account)))
            Assert.Equal(HttpStatusCode.Created, warm.StatusCode);
        foreach (var held in (await (await client.GetAsAccountAsync(account, $"/api/patients/{patientId}/appointments")).ReadAsync(HttpStatusCode.OK)).EnumerateArray())
            (await client.SendAsAsync(TestIdentity.Patient(account), HttpMethod.Delete, $"/api/reservations/{held.Str("reservationId")}")).Dispose();
        (await RemoveAsync(account, patientId)).Dispose();

        using var booking = await client.SendAsync(OnePersonOnePatientTests.Booking(await client.OpenPoolAsync(), patientId, account));
        await booking.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");

        using var again = await client.RegisterAsync(account, new { name = "张三", residentId, phone = AccountCalls.NewMobile() });
        await again.ReadAsync(HttpStatusCode.Accepted);
        using var claimed = await client.SendAsAsync(TestIdentity.Patient(account), HttpMethod.Post, "/api/account/patients/claims",
            JsonContent.Create(new { residentId, code = silo.Codes.LastCode(phone, OrleansBooking.Api.Accounts.CodePurpose.PatientClaim) }));
        Assert.Equal(patientId, (await claimed.ReadAsync(HttpStatusCode.Created)).Str("patientId"));
    }
}
