using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>The suite's admin against <see cref="FakeBookingService"/>: tokens that stop working, refused refreshes, missing or wrong admins.</summary>
public sealed class AdminSessionTests : IDisposable
{
    private static readonly AdminCredentials Admin = new(FakeAccounts.AdminLogin, FakeAccounts.AdminPassword);

    private readonly FakeBookingService _service;
    private readonly HttpClient _http;
    private readonly BookingServiceClient _client;

    public AdminSessionTests() : this(new FakeBookingService()) { }

    private AdminSessionTests(FakeBookingService service)
    {
        _service = service;
        _http = new HttpClient(service) { BaseAddress = new Uri("http://booking.test/") };
        _client = new BookingServiceClient(_http);
    }

    public void Dispose() => _http.Dispose();

    private Task<ServiceCall<PoolSnapshot>> CreatePoolAsync(AdminSession admin, string poolId) =>
        admin.CallAsync(token => _client.CreatePoolAsync(
            new NewPool(poolId, "dr", "2026-12-08", "morning", "08:00", 5, 10, 50m, DateTimeOffset.UtcNow), token, CancellationToken.None),
            $"Creating pool {poolId}", CancellationToken.None);

    [Fact]
    public async Task AnAdminCallRefusedForAnExpiredTokenIsRefreshedAndSentAgain()
    {
        var admin = new AdminSession(_client, Admin);
        Assert.True((await CreatePoolAsync(admin, "pool0")).Outcome.IsSuccess);
        _service.Accounts.ExpireAccessTokens();

        var call = await CreatePoolAsync(admin, "pool1");

        Assert.True(call.Outcome.IsSuccess, $"expected the pool after a refresh, got {call.Outcome}");
        Assert.Equal(1, _service.Accounts.Refreshes);
        Assert.Equal(1, _service.Accounts.AdminSignIns);
        Assert.Equal(1, admin.Renewals);
    }

    [Fact]
    public async Task WhenTheRefreshIsRefusedTheAdminSignsInAgain()
    {
        var admin = new AdminSession(_client, Admin);
        await admin.SignInAsync(CancellationToken.None);
        _service.Accounts.ExpireAccessTokens();
        _service.Accounts.RefuseRefresh = true;

        var call = await CreatePoolAsync(admin, "pool0");

        Assert.True(call.Outcome.IsSuccess, $"expected the pool after a fresh sign-in, got {call.Outcome}");
        Assert.Equal(2, _service.Accounts.AdminSignIns);
        Assert.Equal(0, _service.Accounts.Refreshes);
    }

    [Fact]
    public async Task WithoutAnAdminARefusedCallSaysWhatToGive()
    {
        var admin = new AdminSession(_client, credentials: null);

        var e = await Assert.ThrowsAsync<AdminAccessException>(() => CreatePoolAsync(admin, "pool0"));

        Assert.Contains("--admin-login", e.Message);
        Assert.Contains("BOOKING_ADMIN_PASSWORD", e.Message);
    }

    [Fact]
    public async Task APatientAccountIsRefusedTheHospitalsSide()
    {
        _service.Accounts.AddPatients(["pt-ann"], "ann-password");
        var admin = new AdminSession(_client, new AdminCredentials("pt-ann", "ann-password"));

        var e = await Assert.ThrowsAsync<AdminAccessException>(() => CreatePoolAsync(admin, "pool0"));

        Assert.Contains("403", e.Message);
    }

    [Fact]
    public async Task AServiceWithoutSignInIsCalledWithoutAToken()
    {
        using var old = new AdminSessionTests(new FakeBookingService { SignInRequired = false });
        var admin = new AdminSession(old._client, Admin);

        var call = await old.CreatePoolAsync(admin, "pool0");

        Assert.True(call.Outcome.IsSuccess, $"expected the pool, got {call.Outcome}");
        Assert.Equal(0, old._service.Accounts.AdminSignIns);
    }
}
