using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>Five wrong passwords in a row lock an account for 15 minutes (the defaults), on the silo's clock.</summary>
public sealed class LockoutTests : SignedUpPatientSilo
{
    private async Task FailAsync(int times, string expectedCode = "invalid_credentials", HttpStatusCode expected = HttpStatusCode.Unauthorized)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await Client.SignInAsync(Mobile, "wrong password");
            await response.ReadProblemAsync(expected, expectedCode);
        }
    }

    [Fact]
    public async Task TheFifthWrongPasswordLocksEvenTheRightOneOut()
    {
        await FailAsync(4);
        using (var fifth = await Client.SignInAsync(Mobile, "wrong password"))
        {
            var problem = await fifth.ReadProblemAsync((HttpStatusCode)423, "account_locked");
            Assert.Equal(BookingApiFactory.Start.AddMinutes(15), problem.GetProperty("lockedUntil").GetDateTimeOffset());
            Assert.Equal(TimeSpan.FromMinutes(15), fifth.Headers.RetryAfter?.Delta);
        }

        Silo.Clock.Advance(TimeSpan.FromMinutes(14));
        using var right = await Client.SignInAsync(Mobile, AccountCalls.Password);
        await right.ReadProblemAsync((HttpStatusCode)423, "account_locked");
    }

    [Fact]
    public async Task TheLockRunsOutAndTheCountStartsAgain()
    {
        await FailAsync(4);
        await FailAsync(1, "account_locked", (HttpStatusCode)423);

        Silo.Clock.Advance(TimeSpan.FromMinutes(15));
        // After the lock, four more failures are not yet a lock: the count started again.
        await FailAsync(4);
        await Client.SignInOkAsync(Mobile);
    }

    [Fact]
    public async Task ARightPasswordClearsTheCount()
    {
        await FailAsync(4);
        await Client.SignInOkAsync(Mobile);

        await FailAsync(4);
        await Client.SignInOkAsync(Mobile);
    }

    [Fact]
    public async Task ParallelGuessesAllCount()
    {
        var guesses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Client.SignInAsync(Mobile, "wrong password")));
        foreach (var guess in guesses) guess.Dispose();

        using var right = await Client.SignInAsync(Mobile, AccountCalls.Password);
        await right.ReadProblemAsync((HttpStatusCode)423, "account_locked");
    }

    [Fact]
    public async Task AnAdminCanLiftALock()
    {
        await FailAsync(4);
        await FailAsync(1, "account_locked", (HttpStatusCode)423);

        using var admin = Silo.CreateClient();
        var account = await FindAccountIdAsync();
        using var unlocked = await admin.PostAsync($"/api/admin/accounts/{account}/unlock", null);
        var body = await unlocked.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("lockedUntil").ValueKind);

        await Client.SignInOkAsync(Mobile);
    }

    private async Task<string> FindAccountIdAsync()
    {
        var store = (OrleansBooking.Api.Accounts.IAccountStore)Silo.Services.GetService(typeof(OrleansBooking.Api.Accounts.IAccountStore))!;
        return (await store.FindByLoginAsync(Mobile, CancellationToken.None))!.AccountId;
    }
}
