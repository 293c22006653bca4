using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Abuse;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>
/// Five wrong passwords in a row from one address lock password sign-in from that address for 15
/// minutes, then 30, 60… (the defaults), on the silo's clock. Nobody else is locked out: not the
/// owner at another address, and not code sign-in.
/// </summary>
public sealed class LockoutTests : SignedUpPatientSilo
{
    private const string Attacker = "203.0.113.66";
    private const string Owner = "198.51.100.7";

    // Client addresses from a header; the rate limits stay out of the way as in every other API test.
    protected override BookingApiFactory NewSilo() => new AbuseApiFactory()
        .With("Booking:RateLimits:PerAccount:Burst", "1000000")
        .With("Booking:RateLimits:PerAddress:Burst", "1000000")
        .With("Booking:RateLimits:SignIn:Burst", "1000000")
        .WithServices(services => services.AddSingleton<ISignInCodeSender>(Sender));

    private Task<HttpResponseMessage> SignInFromAsync(string address, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in") { Content = JsonContent.Create(new { login = Mobile, password }) };
        request.Headers.Add(AbuseApiFactory.ClientAddressHeader, address);
        return Client.SendAsync(request);
    }

    private async Task FailAsync(int times, string expectedCode = "invalid_credentials", HttpStatusCode expected = HttpStatusCode.Unauthorized)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await SignInFromAsync(Attacker, "wrong password");
            await response.ReadProblemAsync(expected, expectedCode);
        }
    }

    private async Task<DateTimeOffset> LockAsync()
    {
        await FailAsync(4);
        using var fifth = await SignInFromAsync(Attacker, "wrong password");
        var problem = await fifth.ReadProblemAsync((HttpStatusCode)423, "account_locked");
        return problem.GetProperty("lockedUntil").GetDateTimeOffset();
    }

    [Fact]
    public async Task TheFifthWrongPasswordLocksEvenTheRightOneOutFromThatAddress()
    {
        Assert.Equal(BookingApiFactory.Start.AddMinutes(15), await LockAsync());

        Silo.Clock.Advance(TimeSpan.FromMinutes(14));
        using var right = await SignInFromAsync(Attacker, AccountCalls.Password);
        var problem = await right.ReadProblemAsync((HttpStatusCode)423, "account_locked");
        Assert.Equal(TimeSpan.FromMinutes(1), right.Headers.RetryAfter?.Delta);
        Assert.Equal(BookingApiFactory.Start.AddMinutes(15), problem.GetProperty("lockedUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheOwnerAtAnotherAddressSignsInWhileTheAttackersAddressIsLocked()
    {
        await LockAsync();

        using var owner = await SignInFromAsync(Owner, AccountCalls.Password);

        await owner.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CodeSignInWorksFromALockedAddress()
    {
        await LockAsync();
        using (var sent = await Client.PostJsonAsync("/api/auth/sign-in-codes", new { mobile = Mobile })) await sent.ReadAsync(HttpStatusCode.Accepted);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in/code")
        {
            Content = JsonContent.Create(new { mobile = Mobile, code = Sender.LastCode(Mobile, CodePurpose.SignIn) }),
        };
        request.Headers.Add(AbuseApiFactory.ClientAddressHeader, Attacker);
        using var signedIn = await Client.SendAsync(request);

        await signedIn.ReadAsync(HttpStatusCode.OK);
        // Proving the phone lifts the lock of the address it was proved from.
        using var password = await SignInFromAsync(Attacker, AccountCalls.Password);
        await password.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EachLockFromTheSameAddressLastsTwiceAsLongAsTheOneBefore()
    {
        var first = await LockAsync();
        Silo.Clock.Advance(first - Silo.Clock.GetUtcNow());
        var second = await LockAsync();
        Silo.Clock.Advance(second - Silo.Clock.GetUtcNow());
        var third = await LockAsync();

        Assert.Equal(
            [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)],
            [first - BookingApiFactory.Start, second - first, third - second]);
    }

    [Fact]
    public async Task TheLockRunsOutAndTheCountStartsAgain()
    {
        await LockAsync();

        Silo.Clock.Advance(TimeSpan.FromMinutes(15));
        // After the lock, four more failures are not yet a lock: the count started again.
        await FailAsync(4);
        using var right = await SignInFromAsync(Attacker, AccountCalls.Password);
        await right.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARightPasswordClearsTheCount()
    {
        await FailAsync(4);
        using (var right = await SignInFromAsync(Attacker, AccountCalls.Password)) await right.ReadAsync(HttpStatusCode.OK);

        await FailAsync(4);
        using var again = await SignInFromAsync(Attacker, AccountCalls.Password);
        await again.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ParallelGuessesAllCount()
    {
        var guesses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SignInFromAsync(Attacker, "wrong password")));
        foreach (var guess in guesses) guess.Dispose();

        using var right = await SignInFromAsync(Attacker, AccountCalls.Password);
        await right.ReadProblemAsync((HttpStatusCode)423, "account_locked");
    }

    [Fact]
    public async Task AnAdminCanLiftALock()
    {
        await LockAsync();

        using var admin = Silo.CreateClient();
        var store = Silo.Services.GetRequiredService<IAccountStore>();
        var account = (await store.FindByLoginAsync(Mobile, CancellationToken.None))!.AccountId;
        using (var unlocked = await admin.PostAsync($"/api/admin/accounts/{account}/unlock", null))
            await unlocked.ReadAsync(HttpStatusCode.OK);

        using var right = await SignInFromAsync(Attacker, AccountCalls.Password);
        await right.ReadAsync(HttpStatusCode.OK);
    }
}
