using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

/// <summary>The in-process silo with a recording SMS gateway, for the proof a claim needs.</summary>
public sealed class ClaimingSilo : BookingApiFactory
{
    public ClaimingSilo() => WithServices(services => services.AddSingleton<ISignInCodeSender>(Codes));

    public RecordingCodeSender Codes { get; } = new();
}

/// <summary>A resident ID is one patient hospital-wide: a second account gets the person only with the code sent to the phone on file.</summary>
public sealed class OnePersonOnePatientTests(ClaimingSilo silo) : IClassFixture<ClaimingSilo>
{
    private readonly HttpClient client = silo.CreateClient();

    private static Task<HttpResponseMessage> ClaimAsync(HttpClient client, string accountId, string residentId, string code) =>
        client.SendAsAsync(TestIdentity.Patient(accountId), HttpMethod.Post, "/api/account/patients/claims", JsonContent.Create(new { residentId, code }));

    private async Task<(string PatientId, string ResidentId, string Phone)> RegisteredPersonAsync(string accountId)
    {
        var phone = AccountCalls.NewMobile();
        var patient = await client.RegisterThroughApiAsync(accountId, phone: phone);
        return (patient.Str("patientId"), patient.Str("residentId"), phone);
    }

    private async Task<string[]> PatientIdsOfAsync(string accountId) =>
        [.. (await (await client.GetAsAccountAsync(accountId, "/api/account/patients")).ReadAsync(HttpStatusCode.OK)).EnumerateArray().Select(p => p.Str("patientId"))];

    [Fact]
    public async Task RegisteringAPersonOnFileUnderAnotherAccountSendsACodeToTheirPhoneAndMakesNoSecondPatient()
    {
        var (_, residentId, phone) = await RegisteredPersonAsync(PatientCalls.NewId("acct-"));
        var stranger = PatientCalls.NewId("acct-");

        using var response = await client.RegisterAsync(stranger, new { name = "张三", residentId, phone = AccountCalls.NewMobile() });

        var answer = await response.ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(("verification_required", OrleansBooking.Api.Validation.PhoneMasking.Mask(phone)), (answer.Str("status"), answer.Str("sentTo")));
        Assert.Equal(6, silo.Codes.LastCode(phone, CodePurpose.PatientClaim).Length);
        Assert.Empty(await PatientIdsOfAsync(stranger));
    }

    [Fact]
    public async Task TheCodeAttachesTheSamePatientToTheNewAccountAndTheOldOneLosesIt()
    {
        var owner = PatientCalls.NewId("acct-");
        var (patientId, residentId, phone) = await RegisteredPersonAsync(owner);
        var claimant = PatientCalls.NewId("acct-");
        (await client.RegisterAsync(claimant, new { name = "张三", residentId, phone = AccountCalls.NewMobile() })).Dispose();

        using var claimed = await ClaimAsync(client, claimant, residentId, silo.Codes.LastCode(phone, CodePurpose.PatientClaim));

        Assert.Equal(patientId, (await claimed.ReadAsync(HttpStatusCode.Created)).Str("patientId"));
        Assert.Equal([patientId], await PatientIdsOfAsync(claimant));
        Assert.Empty(await PatientIdsOfAsync(owner));
    }

    [Fact]
    public async Task ASuspendedPersonRegisteredUnderAnotherAccountIsTheSameSuspendedPatient()
    {
        var owner = PatientCalls.NewId("acct-");
        var (patientId, residentId, phone) = await RegisteredPersonAsync(owner);
        var patient = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IPatientGrain>(patientId);
        foreach (var noShow in new[] { "r1", "r2", "r3" }) await patient.RecordNoShowAsync(noShow, silo.Clock.GetUtcNow());
        var claimant = PatientCalls.NewId("acct-");

        using (var registered = await client.RegisterAsync(claimant, new { name = "张三", residentId, phone = AccountCalls.NewMobile() }))
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        using (var claimed = await ClaimAsync(client, claimant, residentId, silo.Codes.LastCode(phone, CodePurpose.PatientClaim)))
            Assert.Equal(patientId, (await claimed.ReadAsync(HttpStatusCode.Created)).Str("patientId"));
        using var booking = await client.SendAsync(Booking(await client.OpenPoolAsync(), patientId, claimant));

        await booking.ReadProblemAsync(HttpStatusCode.Conflict, "patient_suspended");
    }

    [Fact]
    public async Task AfterAClaimThePatientGrainNoLongerBooksForTheOldAccount()
    {
        var owner = PatientCalls.NewId("acct-");
        var (patientId, residentId, phone) = await RegisteredPersonAsync(owner);
        var poolId = await client.OpenPoolAsync();
        // The grain is active and holds the owner's profile before the claim.
        using (var warm = await client.SendAsync(Booking(poolId, patientId, owner))) Assert.Equal(HttpStatusCode.Created, warm.StatusCode);
        var claimant = PatientCalls.NewId("acct-");
        (await client.RegisterAsync(claimant, new { name = "张三", residentId, phone = AccountCalls.NewMobile() })).Dispose();
        (await ClaimAsync(client, claimant, residentId, silo.Codes.LastCode(phone, CodePurpose.PatientClaim))).Dispose();

        using var byOldOwner = await client.SendAsync(Booking(await client.OpenPoolAsync(), patientId, owner));

        await byOldOwner.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
    }

    [Fact]
    public async Task ACodeIsGoodOnlyForTheAccountThatAskedAndOnlyOnce()
    {
        var (_, residentId, phone) = await RegisteredPersonAsync(PatientCalls.NewId("acct-"));
        var claimant = PatientCalls.NewId("acct-");
        (await client.RegisterAsync(claimant, new { name = "张三", residentId, phone = AccountCalls.NewMobile() })).Dispose();
        var code = silo.Codes.LastCode(phone, CodePurpose.PatientClaim);

        using var byAnother = await ClaimAsync(client, PatientCalls.NewId("acct-"), residentId, code);
        await byAnother.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
        using var wrong = await ClaimAsync(client, claimant, residentId, code == "000000" ? "111111" : "000000");
        await wrong.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
    }

    [Fact]
    public async Task AClaimForAnIdNobodyRegisteredAnswersLikeAWrongCode()
    {
        using var response = await ClaimAsync(client, PatientCalls.NewId("acct-"), PatientCalls.ResidentId, "123456");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
    }

    public static TheoryData<string, string, string> Mismatches => new()
    {
        // 440524198001010013 is a man born 1980-01-01.
        { "1980-01-02", "male", "birthDate" },
        { "1980-01-01", "female", "sex" },
        { "1980-13-01", "male", "birthDate" },
        { "1980-01-01", "other", "sex" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task AStatedBirthDateOrSexMustBeWhatTheResidentIdSays(string birthDate, string sex, string field)
    {
        var account = PatientCalls.NewId("acct-");

        using var response = await client.RegisterAsync(account, new { name = "王小明", residentId = "440524198001010013", phone = "13800138000", birthDate, sex });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
        Assert.Empty(await PatientIdsOfAsync(account));
    }

    [Fact]
    public async Task TwoAccountsRegisteringOnePersonAtOnceMakeOnePatient()
    {
        var residentId = PatientCalls.ResidentId;
        var accounts = Enumerable.Range(0, 8).Select(_ => PatientCalls.NewId("acct-")).ToArray();

        var statuses = await Task.WhenAll(accounts.Select(async a =>
        {
            using var response = await client.RegisterAsync(a, new { name = "张三", residentId, phone = AccountCalls.NewMobile() });
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.True(s is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests, $"Got {s}."));
        Assert.Equal(1, (await Task.WhenAll(accounts.Select(PatientIdsOfAsync))).Sum(ids => ids.Length));
    }

    internal static HttpRequestMessage Booking(string poolId, string patientId, string accountId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pools/{poolId}/reservations") { Content = JsonContent.Create(new { patientId }) }
            .As(TestIdentity.Patient(accountId));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }
}
