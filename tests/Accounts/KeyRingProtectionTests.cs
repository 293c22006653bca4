using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>The token-signing key ring is stored encrypted with the operator's certificate, and Production refuses to start without one.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly KeyRingCertificateFile certificate = new();

    public void Dispose() => certificate.Dispose();

    private WebApplicationFactory<Program> WithCertificate(BookingApiFactory factory, string password = KeyRingCertificateFile.DefaultPassword) =>
        factory.WithWebHostBuilder(builder => certificate.Configure(builder, password));

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
