using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

public sealed class PatientsAdminApiTests(PatientsApiFactory factory) : IClassFixture<PatientsApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task BulkRegistrationRegistersEveryNumberOnceAndTheyCanBook()
    {
        var prefix = PatientCalls.NewId("rush-") + "-pt";

        var first = await (await client.PostAsJsonAsync("/api/admin/patients/bulk", new { patientIdPrefix = prefix, count = 250 })).ReadAsync(HttpStatusCode.OK);
        var rerun = await (await client.PostAsJsonAsync("/api/admin/patients/bulk", new { patientIdPrefix = prefix, first = 200, count = 100 })).ReadAsync(HttpStatusCode.OK);

        Assert.Equal((250, 250, 0), (first.Int("requested"), first.Int("registered"), first.Int("existing")));
        Assert.Equal((100, 50, 50), (rerun.Int("requested"), rerun.Int("registered"), rerun.Int("existing")));
        var patient = await (await client.GetAsync($"/api/admin/patients/{prefix}7")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("1950-01-01", "male"), (patient.Str("birthDate"), patient.Str("sex")));
        using var booked = await client.ReserveAsIsAsync(await client.OpenPoolAsync(), prefix + "299");
        await booked.ReadAsync(HttpStatusCode.Created);
        using var unknown = await client.ReserveAsIsAsync(await client.OpenPoolAsync(), prefix + "300");
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
    }

    public static TheoryData<string, string> InvalidBulks => new()
    {
        { """{"count": 10}""", "patientIdPrefix" },
        { """{"patientIdPrefix": "bad prefix", "count": 10}""", "patientIdPrefix" },
        { """{"patientIdPrefix": "p-", "count": 0}""", "count" },
        { """{"patientIdPrefix": "p-", "count": 200001}""", "count" },
        { """{"patientIdPrefix": "p-", "count": 5, "first": -1}""", "first" },
    };

    [Theory]
    [MemberData(nameof(InvalidBulks))]
    public async Task BulkRegistrationRejectsInvalidRequests(string raw, string field)
    {
        using var response = await client.PostAsync("/api/admin/patients/bulk", ApiCalls.Json(raw));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
    }
    [Fact]
    public async Task StaffFindPatientsMasked()
    {
        var name = "Search " + PatientCalls.NewId("n");
        var residentId = RegisteredPatients.NewResidentId();
        var patientId = PatientCalls.NewId("pt-search");
        await client.RegisterDirectlyAsync(patientId, "acct-search", residentId, phone: "13712345678", name: name);

        var byName = await (await client.GetAsync($"/api/admin/patients?search={Uri.EscapeDataString(name[..12])}")).ReadAsync(HttpStatusCode.OK);
        var byId = await (await client.GetAsync($"/api/admin/patients?search={residentId}")).ReadAsync(HttpStatusCode.OK);

        var found = Assert.Single(byName.EnumerateArray(), p => p.Str("patientId") == patientId);
        Assert.Equal((name, "137****5678"), (found.Str("name"), found.Str("phone")));
        Assert.DoesNotContain(residentId[6..14], found.Str("residentId"), StringComparison.Ordinal);
        Assert.Equal(patientId, Assert.Single(byId.EnumerateArray()).Str("patientId"));
    }

    [Theory]
    [InlineData("", "search")]
    [InlineData("?search=%20", "search")]
    [InlineData("?search=a%E2%80%AEb", "search")]
    [InlineData("?search=zhang&limit=0", "limit")]
    [InlineData("?search=zhang&limit=101", "limit")]
    public async Task APatientSearchMustSaySomething(string query, string field)
    {
        using var response = await client.GetAsync("/api/admin/patients" + query);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
    }
}
