using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Catalogue;

namespace OrleansBooking.Tests.Accounts;

/// <summary>An admin lists accounts, disables and enables one, signs all its sessions out and sets a staff password.</summary>
public sealed class AccountsAdminTests : SignedUpPatientSilo
{
    private async Task<string> PatientAccountIdAsync()
    {
        using var admin = Silo.CreateClient();
        var page = await (await admin.GetAsync("/api/admin/accounts?role=patient")).ReadAsync(HttpStatusCode.OK);
        return Assert.Single(page.EnumerateArray()).Str("accountId");
    }

    [Fact]
    public async Task TheListShowsAccountsOfOneRoleWithTheirMobileMasked()
    {
        using var admin = Silo.CreateClient();

        var page = await (await admin.GetAsync("/api/admin/accounts?role=patient&limit=10")).ReadAsync(HttpStatusCode.OK);

        var account = Assert.Single(page.EnumerateArray());
        Assert.Equal(("patient", Mobile[..3] + "****" + Mobile[^4..]), (account.Str("role"), account.Str("login")));
    }

    [Fact]
    public async Task ADisabledAccountIsSignedOutAndCannotSignInOrRefreshUntilEnabled()
    {
        var tokens = await Client.SignInOkAsync(Mobile);
        var accountId = await PatientAccountIdAsync();
        using var admin = Silo.CreateClient();

        using (var disabled = await admin.PostAsync($"/api/admin/accounts/{accountId}/disable", null))
            Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await disabled.ReadAsync(HttpStatusCode.OK)).GetProperty("disabledAt").ValueKind);

        using (var me = await Client.GetWithTokenAsync("/api/auth/account", tokens.Str("accessToken"))) Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using (var refresh = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Str("refreshToken") }))
            await refresh.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        using (var signIn = await Client.SignInAsync(Mobile, AccountCalls.Password)) await signIn.ReadProblemAsync(HttpStatusCode.Forbidden, "account_disabled");

        using (var enabled = await admin.PostAsync($"/api/admin/accounts/{accountId}/enable", null)) await enabled.ReadAsync(HttpStatusCode.OK);
        await Client.SignInOkAsync(Mobile);
    }

    [Fact]
    public async Task AnAdminCannotDisableTheirOwnAccount()
    {
        using var admin = Silo.CreateClient();

        using var response = await admin.PostAsync($"/api/admin/accounts/{TestIdentity.Admin.AccountId}/disable", null);

        await response.ReadProblemAsync(HttpStatusCode.Conflict, "own_account");
    }

    [Fact]
    public async Task SigningAnAccountOutEndsEveryOneOfItsSessions()
    {
        var phone = await Client.SignInOkAsync(Mobile);
        var laptop = await Client.SignInOkAsync(Mobile);
        using var admin = Silo.CreateClient();

        using (var signOut = await admin.PostAsync($"/api/admin/accounts/{await PatientAccountIdAsync()}/sign-out", null))
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        foreach (var tokens in new[] { phone, laptop })
            using (var me = await Client.GetWithTokenAsync("/api/auth/account", tokens.Str("accessToken")))
                Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        await Client.SignInOkAsync(Mobile);
    }

    [Fact]
    public async Task AnAdminSetsADoctorsPasswordButNotAPatients()
    {
        using var admin = Silo.CreateClient();
        await admin.CreateDepartmentAsync("dep-reset");
        await admin.CreateDoctorAsync("dr-reset", "dep-reset");
        using var created = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { role = "doctor", login = "dr.reset", password = "doctor password", displayName = "Dr Reset", doctorId = "dr-reset" });
        var doctorId = (await created.ReadAsync(HttpStatusCode.Created)).Str("accountId");

        using (var set = await admin.PostAsJsonAsync($"/api/admin/accounts/{doctorId}/password", new { password = "a new doctor password" }))
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        using (var patient = await admin.PostAsJsonAsync($"/api/admin/accounts/{await PatientAccountIdAsync()}/password", new { password = "a new doctor password" }))
            await patient.ReadProblemAsync(HttpStatusCode.Conflict, "not_staff");

        using (var old = await Client.SignInAsync("dr.reset", "doctor password")) await old.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await Client.SignInOkAsync("dr.reset", "a new doctor password");
    }

    [Theory]
    [InlineData("short pass")]
    [InlineData("password1234")]
    [InlineData("Hospital@123")]
    public async Task AStaffPasswordIsLongAndNotACommonOne(string password)
    {
        using var admin = Silo.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/admin/accounts", new { role = "admin", login = "second.admin", password, displayName = "Second" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["password"], problem.ErrorFields());
    }
}
