using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Catalogue;

namespace OrleansBooking.Tests.Pools;

/// <summary>
/// A doctor or department the hospital deactivates takes no new bookings, while the bookings made
/// before stand; a deactivated doctor's account neither signs in nor runs its sessions (issue 15).
/// </summary>
public sealed class DeactivatedCatalogueTests : IAsyncLifetime
{
    private readonly BookingApiFactory silo = new();
    private HttpClient admin = null!;
    private readonly string department = CatalogueCalls.NewId("dept");
    private readonly string doctor = CatalogueCalls.NewId("dr");
    private string poolId = "";

    public async Task InitializeAsync()
    {
        admin = silo.CreateClient();
        await admin.CreateDepartmentAsync(department);
        await admin.CreateDoctorAsync(doctor, department);
        poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["doctorId"] = doctor;
        await admin.CreatePoolAsync(body);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await silo.DisposeAsync();
    }

    [Theory]
    [InlineData("doctors", "doctor_inactive")]
    [InlineData("departments", "department_inactive")]
    public async Task ADeactivatedDoctorOrDepartmentTakesNoNewBookingButKeepsTheOldOnes(string what, string code)
    {
        var kept = await admin.ReserveOkAsync(poolId, "pt-" + Guid.NewGuid().ToString("N")[..10]);
        var id = what == "doctors" ? doctor : department;
        using (var deactivated = await admin.DeleteAsync($"/api/admin/{what}/{id}")) await deactivated.ReadAsync(HttpStatusCode.OK);

        using (var refused = await admin.ReserveAsync(poolId, "pt-" + Guid.NewGuid().ToString("N")[..10]))
            await refused.ReadProblemAsync(HttpStatusCode.Conflict, code);
        var pool = await admin.GetPoolAsync(poolId);
        Assert.Equal(1, pool.Int("booked"));
        using (var read = await admin.GetAsync($"/api/reservations/{kept.Str("reservationId")}"))
            Assert.Equal("booked", (await read.ReadAsync(HttpStatusCode.OK)).Str("status"));

        using (var reactivated = await admin.PatchAsync($"/api/admin/{what}/{id}", ApiCalls.Json("""{"active": true}""")))
            await reactivated.ReadAsync(HttpStatusCode.OK);
        await admin.ReserveOkAsync(poolId, "pt-" + Guid.NewGuid().ToString("N")[..10]);
    }

    [Fact]
    public async Task ADeactivatedDoctorsAccountCannotSignInRefreshOrRunItsSession()
    {
        const string password = "doctor passphrase long";
        var login = "doc." + Guid.NewGuid().ToString("N")[..8];
        using (var created = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { role = "doctor", login, password, displayName = "Dr Li", doctorId = doctor }))
            await created.ReadAsync(HttpStatusCode.Created);
        using var anonymous = silo.CreateAnonymousClient();
        var tokens = await anonymous.SignInOkAsync(login, password);
        var before = tokens.Str("accessToken");
        using (var works = await anonymous.GetWithTokenAsync($"/api/pools/{poolId}/day-list", before)) await works.ReadAsync(HttpStatusCode.OK);

        using (var deactivated = await admin.DeleteAsync($"/api/admin/doctors/{doctor}")) await deactivated.ReadAsync(HttpStatusCode.OK);

        using (var signIn = await anonymous.SignInAsync(login, password)) await signIn.ReadProblemAsync(HttpStatusCode.Forbidden, "doctor_deactivated");
        using (var session = await anonymous.GetWithTokenAsync($"/api/pools/{poolId}/day-list", before))
            await session.ReadProblemAsync(HttpStatusCode.Forbidden, "doctor_deactivated");
        using (var refresh = await anonymous.PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Str("refreshToken") }))
            Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }
}
