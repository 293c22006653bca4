using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

public sealed class PatientsApiTests(PatientsApiFactory factory) : IClassFixture<PatientsApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task RegisterAnswers201WithTheFullProfileAndWhatTheResidentIdSays()
    {
        var account = PatientCalls.NewId("acct-");

        using var response = await client.RegisterAsync(account, new { name = "王小明", residentId = "44052419800101001" + "3", phone = "13800138000" });

        var patient = await response.ReadAsync(HttpStatusCode.Created);
        var patientId = patient.Str("patientId");
        Assert.Equal($"/api/account/patients/{patientId}", response.Headers.Location?.OriginalString);
        Assert.Equal((account, "王小明", "440524198001010013", "13800138000", "1980-01-01", "male"),
            (patient.Str("accountId"), patient.Str("name"), patient.Str("residentId"), patient.Str("phone"),
             patient.Str("birthDate"), patient.Str("sex")));
    }

    [Fact]
    public async Task TheServiceIssuesThePatientId()
    {
        var first = await client.RegisterThroughApiAsync(PatientCalls.NewId("acct-"));
        var second = await client.RegisterThroughApiAsync(PatientCalls.NewId("acct-"));

        Assert.StartsWith("pt-", first.Str("patientId"), StringComparison.Ordinal);
        Assert.NotEqual(first.Str("patientId"), second.Str("patientId"));
    }

    [Fact]
    public async Task AClientChosenPatientIdIsRefusedAndNothingIsWritten()
    {
        var account = PatientCalls.NewId("acct-");

        using var response = await client.RegisterAsync(account, new { patientId = "p-1001", name = "张三", residentId = PatientCalls.ResidentId, phone = PatientCalls.Phone });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["patientId"], problem.ErrorFields());
        Assert.Empty((await (await client.GetAsAccountAsync(account, "/api/account/patients")).ReadAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    public static TheoryData<string, string, string, string> InvalidProfiles => new()
    {
        { "张三", "110105194912310021", "13912345678", "residentId" },   // wrong check character
        { "张三", "1101051949123100", "13912345678", "residentId" },
        { "张三", "11010519491231002X", "12912345678", "phone" },        // no mobile starts 12
        { "张三", "11010519491231002X", "1391234567", "phone" },
        { "", "11010519491231002X", "13912345678", "name" },
        { "   ", "11010519491231002X", "13912345678", "name" },
        { "张三", "991012199001010011", "13912345678", "residentId" },   // 99 is no province (check character right)
        { "张三", "110105202612310017", "13912345678", "residentId" },   // born after today
    };

    [Theory]
    [MemberData(nameof(InvalidProfiles))]
    public async Task RegisterRejectsInvalidRealNameData(string name, string residentId, string phone, string field)
    {
        var account = PatientCalls.NewId("acct-");
        using var response = await client.RegisterAsync(account, new { name, residentId, phone });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
        Assert.Empty((await (await client.GetAsAccountAsync(account, "/api/account/patients")).ReadAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task RegisterWithMissingFieldsNamesThemAll()
    {
        using var response = await client.RegisterAsync("acct-x", new { });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["name", "phone", "residentId"], problem.ErrorFields());
    }

    [Fact]
    public async Task RegisteringTheSamePersonTwiceInOneAccountAnswers409WithTheirPatient()
    {
        var account = PatientCalls.NewId("acct-");
        var residentId = PatientCalls.ResidentId;
        var first = await client.RegisterThroughApiAsync(account, residentId);

        using var again = await client.RegisterAsync(account, new { name = "张三", residentId, phone = PatientCalls.Phone });

        var problem = await again.ReadProblemAsync(HttpStatusCode.Conflict, "patient_exists");
        Assert.Equal(first.Str("patientId"), problem.Str("patientId"));
    }

    [Fact]
    public async Task AnAccountManagesAtMostFivePatients()
    {
        var account = PatientCalls.NewId("acct-");
        for (var i = 0; i < 5; i++) await client.RegisterOkAsync(account, PatientCalls.NewId("pt-"));

        using var sixth = await client.RegisterAsync(account, new { name = "六", residentId = PatientCalls.ResidentId, phone = PatientCalls.Phone });

        var problem = await sixth.ReadProblemAsync(HttpStatusCode.Conflict, "account_full");
        Assert.Equal(5, problem.Int("allowed"));
    }

    [Fact]
    public async Task TheAccountsListMasksResidentIdAndPhone()
    {
        var account = PatientCalls.NewId("acct-");
        var first = PatientCalls.NewId("pt-a");
        var second = PatientCalls.NewId("pt-b");
        await client.RegisterOkAsync(account, first, residentId: "11010519491231002X");
        await client.RegisterOkAsync(account, second, residentId: "320106199003071234", phone: "15012345678");
        await client.RegisterOkAsync(PatientCalls.NewId("acct-"), PatientCalls.NewId("pt-"));

        using var response = await client.GetAsAccountAsync(account, "/api/account/patients");

        var list = (await response.ReadAsync(HttpStatusCode.OK)).EnumerateArray()
            .Select(p => (p.Str("patientId"), p.Str("residentId"), p.Str("phone"))).ToArray();
        Assert.Equal([(first, "110***********002X", "139****5678"), (second, "320***********1234", "150****5678")], list);
    }

    [Fact]
    public async Task TheOwnersDetailShowsEverythingInFull()
    {
        var account = PatientCalls.NewId("acct-");
        var patientId = PatientCalls.NewId("pt-");
        await client.RegisterOkAsync(account, patientId, residentId: "310115198506150022");

        var patient = await (await client.GetAsAccountAsync(account, $"/api/account/patients/{patientId}")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(("310115198506150022", PatientCalls.Phone, "1985-06-15", "female"),
            (patient.Str("residentId"), patient.Str("phone"), patient.Str("birthDate"), patient.Str("sex")));
    }

    [Fact]
    public async Task AnotherAccountsPatientIsNotFound()
    {
        var patientId = PatientCalls.NewId("pt-");
        await client.RegisterOkAsync(PatientCalls.NewId("acct-"), patientId);

        using var response = await client.GetAsAccountAsync(PatientCalls.NewId("acct-"), $"/api/account/patients/{patientId}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
    }

    [Fact]
    public async Task TheAdminViewIsMasked()
    {
        var patientId = PatientCalls.NewId("pt-");
        await client.RegisterOkAsync(PatientCalls.NewId("acct-"), patientId, residentId: "110101199003074514");

        var patient = await (await client.GetAsync($"/api/admin/patients/{patientId}")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(("110***********4514", "139****5678"), (patient.Str("residentId"), patient.Str("phone")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, patient.GetProperty("suspendedUntil").ValueKind);
    }

    [Fact]
    public async Task AnUnknownPatientIsNotFoundByTheAdmin()
    {
        using var response = await client.GetAsync("/api/admin/patients/nobody-here");

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
    }
}
