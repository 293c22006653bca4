using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Catalogue;

namespace OrleansBooking.Tests.Accounts;

/// <summary>The first admin from configuration, staff accounts made by admins, and the code sender production insists on.</summary>
public sealed class StaffAccountTests
{
    private const string AdminPassword = "first admin password";

    private static BookingApiFactory SiloWithFirstAdmin() => new BookingApiFactory()
        .With("Booking:Accounts:FirstAdmin:Login", "hospital-admin")
        .With("Booking:Accounts:FirstAdmin:Password", AdminPassword);

    [Fact]
    public async Task TheFirstAdminFromConfigurationSignsInAndCreatesADoctorWhoRunsOnlyTheirSessions()
    {
        await using var silo = SiloWithFirstAdmin();
        using var anonymous = silo.CreateAnonymousClient();
        var adminToken = await anonymous.AccessTokenAsync("hospital-admin", AdminPassword);
        using var admin = silo.CreateAnonymousClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);

        await admin.CreateDepartmentAsync("dep-heart");
        await admin.CreateDoctorAsync("dr-heart", "dep-heart");
        using (var created = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { role = "doctor", login = "dr.heart", password = "doctor password", displayName = "Dr Heart", doctorId = "dr-heart" }))
            Assert.Equal("dr-heart", (await created.ReadAsync(HttpStatusCode.Created)).Str("doctorId"));
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["doctorId"] = "dr-heart";
        await admin.CreatePoolAsync(body);
        var other = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(other));

        var doctorToken = await anonymous.AccessTokenAsync("dr.heart", "doctor password");
        using (var own = await anonymous.GetWithTokenAsync($"/api/pools/{poolId}/day-list", doctorToken)) await own.ReadAsync(HttpStatusCode.OK);
        using (var notOwn = await anonymous.GetWithTokenAsync($"/api/pools/{other}/day-list", doctorToken))
            await notOwn.ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var adminRoute = await anonymous.PostJsonAsync("/api/admin/pools", ApiCalls.PoolBody(ApiCalls.NewPoolId()), doctorToken))
            await adminRoute.ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task TheFirstAdminRotatesItsPassword()
    {
        await using var silo = SiloWithFirstAdmin();
        using var client = silo.CreateAnonymousClient();
        var token = await client.AccessTokenAsync("hospital-admin", AdminPassword);

        using (var common = await client.PostJsonAsync("/api/auth/account/password", new { currentPassword = AdminPassword, newPassword = "administrator" }, token))
            await common.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        using (var rotated = await client.PostJsonAsync("/api/auth/account/password", new { currentPassword = AdminPassword, newPassword = "the rotated admin password" }, token))
            Assert.Equal(HttpStatusCode.NoContent, rotated.StatusCode);

        using (var old = await client.SignInAsync("hospital-admin", AdminPassword)) await old.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await client.SignInOkAsync("hospital-admin", "the rotated admin password");
    }

    [Fact]
    public async Task ADoctorAccountNeedsADoctorOfTheCatalogue()
    {
        await using var silo = new BookingApiFactory();
        using var admin = silo.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { role = "doctor", login = "dr.nobody", password = "doctor password", displayName = "Nobody", doctorId = "dr-nobody" });

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "doctor_not_found");
        using var anonymous = silo.CreateAnonymousClient();
        using var signIn = await anonymous.SignInAsync("dr.nobody", "doctor password");
        await signIn.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task AdminsCannotCreatePatientAccountsOrReuseALogin()
    {
        await using var silo = SiloWithFirstAdmin();
        using var admin = silo.CreateClient();

        using (var patient = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { role = "patient", login = "someone", password = "a long enough password", displayName = "Someone" }))
            Assert.Equal(["role"], (await patient.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        using var taken = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { role = "admin", login = "hospital-admin", password = "another password", displayName = "Second" });
        await taken.ReadProblemAsync(HttpStatusCode.Conflict, "login_taken");
    }

    [Fact]
    public async Task TheFirstAdminIsCreatedOnceAcrossRestarts()
    {
        await using var first = SiloWithFirstAdmin();
        using (first.CreateAnonymousClient()) { }
        await using var restarted = SiloWithFirstAdmin()
            .With("Storage:ConnectionString", $"Data Source={first.DatabasePath}")
            .With("Booking:Accounts:FirstAdmin:Password", "a changed password");
        using var client = restarted.CreateAnonymousClient();

        // The configured password of an existing admin is not applied again: the first one still signs in.
        await client.SignInOkAsync("hospital-admin", AdminPassword);
        using var changed = await client.SignInAsync("hospital-admin", "a changed password");
        await changed.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task ProductionRefusesTheOutboxCodeSenderUnlessTold()
    {
        await using var silo = new BookingApiFactory();
        await using var production = silo.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.ThrowsAny<OptionsValidationException>(() => production.CreateClientActingAs(null));

        Assert.Contains("Booking:Accounts:AcceptOutboxCodeSender", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOutboxSenderRecordsTheCodeInTheOutboxAndItStillHasToBeRight()
    {
        using var certificate = new KeyRingCertificateFile();
        await using var silo = new BookingApiFactory()
            .With("Booking:Accounts:AcceptOutboxCodeSender", "true");
        await using var production = silo.WithWebHostBuilder(b => certificate.Configure(b.UseEnvironment("Production")));
        using var client = production.CreateClientActingAs(null);
        var mobile = AccountCalls.NewMobile();

        using (var sent = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile })) await sent.ReadAsync(HttpStatusCode.Accepted);

        string payload;
        await using (var connection = new SqliteConnection($"Data Source={silo.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using DbCommand select = connection.CreateCommand();
            select.CommandText = "SELECT payload FROM notifications WHERE kind = 'sign_in_code'";
            payload = (string)(await select.ExecuteScalarAsync())!;
        }
        var code = System.Text.RegularExpressions.Regex.Match(payload, "code is ([0-9]{6})").Groups[1].Value;
        Assert.Contains(mobile, payload, StringComparison.Ordinal);
        using var wrong = await client.PostJsonAsync("/api/auth/register", new { mobile, code = code == "000000" ? "111111" : "000000", password = AccountCalls.Password });
        await wrong.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
        using var right = await client.PostJsonAsync("/api/auth/register", new { mobile, code, password = AccountCalls.Password });
        await right.ReadAsync(HttpStatusCode.Created);
    }
}
