using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Catalogue;

namespace OrleansBooking.Tests.Pools;

/// <summary>
/// A department may see patients of some ages only (a children's clinic "under 14": maxAgeYears 13),
/// set by admins and enforced at booking by the birth date in the patient's resident ID, on the visit
/// day (issue 15). The visit is on 2026-12-02.
/// </summary>
public sealed class DepartmentAgeRangeTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    // A boy who turned 12 on 2026-05-01, and a man born 1980-01-01: a new person (resident ID) at each booking.
    private static string Child => PersonBorn("20140501");
    private static string Adult => PersonBorn("19800101");

    private static int issued = Random.Shared.Next(0, 500);

    private static string PersonBorn(string birth)
    {
        var first17 = "110105" + birth + (Interlocked.Increment(ref issued) % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + OrleansBooking.Api.Validation.ResidentIdNumber.CheckCharacter(first17);
    }

    [Fact]
    public async Task AChildrensClinicBooksAChildAndRefusesAnAdult()
    {
        using var admin = factory.CreateClient();
        var (department, poolId) = await ClinicAsync(admin);
        using (var set = await admin.PutAsJsonAsync($"/api/admin/departments/{department}/age-range", new { maxAgeYears = 13 }))
            Assert.Equal(13, (await set.ReadAsync(HttpStatusCode.OK)).GetProperty("ageRange").GetProperty("maxAgeYears").GetInt32());

        using (var child = await BookAsync(admin, poolId, Child)) await child.ReadAsync(HttpStatusCode.Created);
        using (var adult = await BookAsync(admin, poolId, Adult))
            Assert.Equal(13, (await adult.ReadProblemAsync(HttpStatusCode.Conflict, "outside_department_ages")).GetProperty("maxAgeYears").GetInt32());

        using (var cleared = await admin.DeleteAsync($"/api/admin/departments/{department}/age-range"))
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await cleared.ReadAsync(HttpStatusCode.OK)).GetProperty("ageRange").ValueKind);
        using (var adult = await BookAsync(admin, poolId, Adult)) await adult.ReadAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AgeIsCountedInCompletedYearsOnTheVisitDay()
    {
        using var admin = factory.CreateClient();
        var (department, poolId) = await ClinicAsync(admin);
        // The boy turns 12 on 2026-05-01: 12 on the visit day, so a clinic from 13 refuses him and one up to 12 takes him.
        using (var set = await admin.PutAsJsonAsync($"/api/admin/departments/{department}/age-range", new { minAgeYears = 13 }))
            await set.ReadAsync(HttpStatusCode.OK);
        using (var tooYoung = await BookAsync(admin, poolId, Child)) await tooYoung.ReadProblemAsync(HttpStatusCode.Conflict, "outside_department_ages");
        using (var set = await admin.PutAsJsonAsync($"/api/admin/departments/{department}/age-range", new { minAgeYears = 12, maxAgeYears = 12 }))
            await set.ReadAsync(HttpStatusCode.OK);
        using (var justRight = await BookAsync(admin, poolId, Child)) await justRight.ReadAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("{}", "body")]
    [InlineData("""{"minAgeYears": -1}""", "minAgeYears")]
    [InlineData("""{"maxAgeYears": 151}""", "maxAgeYears")]
    [InlineData("""{"minAgeYears": 14, "maxAgeYears": 13}""", "maxAgeYears")]
    public async Task AnImpossibleRangeIsRefusedAndChangesNothing(string body, string field)
    {
        using var admin = factory.CreateClient();
        var (department, _) = await ClinicAsync(admin);

        using var response = await admin.PutAsync($"/api/admin/departments/{department}/age-range", ApiCalls.Json(body));

        Assert.Equal([field], (await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        var read = await admin.GetOkAsync($"/api/departments/{department}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.GetProperty("ageRange").ValueKind);
    }

    private static async Task<(string Department, string PoolId)> ClinicAsync(HttpClient admin)
    {
        var department = CatalogueCalls.NewId("dept");
        var doctor = CatalogueCalls.NewId("dr");
        await admin.CreateDepartmentAsync(department, "Paediatrics");
        await admin.CreateDoctorAsync(doctor, department);
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["doctorId"] = doctor;
        await admin.CreatePoolAsync(body);
        return (department, poolId);
    }

    /// <summary>Registers the person under a fresh account of its own and books as that account.</summary>
    private static async Task<HttpResponseMessage> BookAsync(HttpClient client, string poolId, string residentId)
    {
        var account = TestIdentity.Patient("acct-" + Guid.NewGuid().ToString("N")[..10]);
        using var registered = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/account/patients")
        {
            Content = JsonContent.Create(new { name = "王小明", residentId, phone = "13800138000" }),
        }.As(account));
        var patient = await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var patientId = patient.TryGetProperty("patientId", out var id) ? id.GetString()! : throw new Xunit.Sdk.XunitException($"{registered.StatusCode}: {patient}");
        return await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/pools/{poolId}/reservations")
        {
            Content = JsonContent.Create(new { patientId }),
        }.As(account));
    }
}
