using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>The token-signing key ring is stored encrypted with the operator's certificate, and Production refuses to start without one.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "key ring pfx password";
    private readonly string certificatePath = Path.Combine(Path.GetTempPath(), $"orleansbooking-keyring-{Guid.NewGuid():N}.pfx");

    public KeyRingProtectionTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OrleansBooking key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(certificatePath, certificate.Export(X509ContentType.Pkcs12, Password));
    }

    public void Dispose() => File.Delete(certificatePath);

    // UseSetting rather than the factory's With: the silo reads the certificate while it registers its services,
    // before configuration added by ConfigureAppConfiguration arrives.
    private WebApplicationFactory<Program> WithCertificate(BookingApiFactory factory, string password = Password) =>
        factory.WithWebHostBuilder(builder => builder
            .UseSetting("Booking:Accounts:KeyRingCertificatePath", certificatePath)
            .UseSetting("Booking:Accounts:KeyRingCertificatePassword", password));

    private static async Task<string[]> StoredKeysAsync(BookingApiFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT xml FROM protection_keys";
        var keys = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return [.. keys];
    }

    [Fact]
    public async Task WithACertificateTheStoredKeysAreEncryptedAndAnotherSiloWithItReadsThem()
    {
        await using var firstFactory = new BookingApiFactory();
        await using var first = WithCertificate(firstFactory);
        using (first.CreateClient()) { }
        var token = ActingAsHandler.TokenFor(first.Services, TestIdentity.Admin, firstFactory.Clock.GetUtcNow());

        var keys = await StoredKeysAsync(firstFactory);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });

        await using var secondFactory = new BookingApiFactory().With("Storage:ConnectionString", $"Data Source={firstFactory.DatabasePath}");
        await using var second = WithCertificate(secondFactory);
        using var client = second.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/accounts");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WithoutACertificateOutsideProductionTheKeysStayPlain()
    {
        await using var factory = new BookingApiFactory();
        factory.TokenFor(TestIdentity.Admin);

        Assert.All(await StoredKeysAsync(factory), xml => Assert.Contains("<value>", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProductionWithoutACertificateStopsStartUpNamingTheSetting()
    {
        await using var factory = new BookingApiFactory();
        using var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var error = Assert.ThrowsAny<OptionsValidationException>(() => production.CreateClient());

        Assert.Contains("Booking:Accounts:KeyRingCertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableCertificateStopsStartUpNamingTheSetting()
    {
        await using var factory = new BookingApiFactory();
        await using var wrongPassword = WithCertificate(factory, "not the password");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => wrongPassword.CreateClient());

        Assert.Contains("Booking:Accounts:KeyRingCertificatePath", error.Message, StringComparison.Ordinal);
    }
}
