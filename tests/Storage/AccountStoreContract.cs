using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Accounts;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Storage;

/// <summary>Accounts, codes, revoked sessions and the shared key ring, on every engine.</summary>
public abstract class AccountStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);
    private TestDatabase? database;
    private AccountStore store = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        await using (var booking = BookingStoreFactory.Create(database.Options)) await booking.MigrateAsync(CancellationToken.None);
        store = AccountStore.Create(database.Options, clock);
    }

    public async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }

    private static Account Patient(string id, string login) => new(id, AccountRoles.Patient, login, "hash", "Someone", null, Now);

    [Fact]
    public async Task AnAccountIsFoundByIdAndLoginAndALoginIsTakenOnce()
    {
        var account = Patient("acct-1", "13812345678");

        Assert.True(await store.Accounts.CreateAsync(account, CancellationToken.None));
        Assert.False(await store.Accounts.CreateAsync(Patient("acct-2", "13812345678"), CancellationToken.None));

        Assert.Equal(account, await store.Accounts.FindAsync("acct-1", CancellationToken.None));
        Assert.Equal(account, await store.Accounts.FindByLoginAsync("13812345678", CancellationToken.None));
        Assert.Null(await store.Accounts.FindAsync("acct-2", CancellationToken.None));
    }

    [Fact]
    public async Task ManyAccountsAreCreatedOnceEach()
    {
        var accounts = Enumerable.Range(0, 250).Select(i => Patient($"vp-{i}", $"vp-{i}")).ToList();

        Assert.Equal(250, await store.Accounts.CreateManyAsync(accounts, CancellationToken.None));
        Assert.Equal(0, await store.Accounts.CreateManyAsync(accounts, CancellationToken.None));
        Assert.NotNull(await store.Accounts.FindByLoginAsync("vp-249", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentFailuresAllCountAndEachFifthLocksOnlyItsAddress()
    {
        await store.Accounts.CreateAsync(Patient("acct-1", "13812345678"), CancellationToken.None);

        // lockUntil is told how many locks the pair earned before: 0 for the first, 1 for the second.
        var locks = await Task.WhenAll(Enumerable.Range(0, 11).Select(_ =>
            store.Accounts.RecordFailedSignInAsync("acct-1", "203.0.113.5", 5, earlier => Now.AddMinutes(15 << earlier), CancellationToken.None)));

        Assert.Equal([Now.AddMinutes(15), Now.AddMinutes(30)], locks.OfType<DateTimeOffset>().Order());
        Assert.Equal(Now.AddMinutes(30), await store.Accounts.FindSignInLockAsync("acct-1", "203.0.113.5", Now, CancellationToken.None));
        Assert.Null(await store.Accounts.FindSignInLockAsync("acct-1", "198.51.100.7", Now, CancellationToken.None));
        Assert.Null(await store.Accounts.FindSignInLockAsync("acct-1", "203.0.113.5", Now.AddMinutes(30), CancellationToken.None));

        await store.Accounts.ClearSignInFailuresAsync("acct-1", client: null, CancellationToken.None);
        Assert.Null(await store.Accounts.FindSignInLockAsync("acct-1", "203.0.113.5", Now, CancellationToken.None));
    }

    [Fact]
    public async Task APasswordHashIsReplaced()
    {
        await store.Accounts.CreateAsync(Patient("acct-1", "13812345678"), CancellationToken.None);

        await store.Accounts.SetPasswordHashAsync("acct-1", "new-hash", CancellationToken.None);

        Assert.Equal("new-hash", (await store.Accounts.FindAsync("acct-1", CancellationToken.None))!.PasswordHash);
    }

    [Fact]
    public async Task ACodeIsReplacedCountedAndDeleted()
    {
        await store.Accounts.SaveCodeAsync(new StoredCode("13812345678", CodePurpose.Register, "A", Now, Now.AddMinutes(5), 0), CancellationToken.None);
        await store.Accounts.SaveCodeAsync(new StoredCode("13812345678", CodePurpose.Register, "B", Now, Now.AddMinutes(5), 0), CancellationToken.None);

        Assert.Equal("B", (await store.Accounts.FindCodeAsync("13812345678", CodePurpose.Register, CancellationToken.None))!.CodeHash);
        Assert.Null(await store.Accounts.FindCodeAsync("13812345678", CodePurpose.SignIn, CancellationToken.None));
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.Accounts.CountCodeAttemptAsync("13812345678", CodePurpose.Register, CancellationToken.None)));
        Assert.Equal([1, 2, 3, 4], counts.Order());

        await store.Accounts.DeleteCodeAsync("13812345678", CodePurpose.Register, CancellationToken.None);
        Assert.Equal(0, await store.Accounts.CountCodeAttemptAsync("13812345678", CodePurpose.Register, CancellationToken.None));
    }

    [Fact]
    public async Task RevokedSessionsAreListedUntilTheyExpire()
    {
        await store.Accounts.RevokeSessionAsync(new RevokedSession("s1", "acct-1", Now, Now.AddDays(14)), CancellationToken.None);
        await store.Accounts.RevokeSessionAsync(new RevokedSession("s1", "acct-1", Now, Now.AddDays(14)), CancellationToken.None);
        await store.Accounts.RevokeSessionAsync(new RevokedSession("s2", "acct-1", Now.AddMinutes(10), Now.AddDays(14)), CancellationToken.None);

        var all = await store.Accounts.ListRevokedSinceAsync(DateTimeOffset.MinValue, Now, CancellationToken.None);
        var recent = await store.Accounts.ListRevokedSinceAsync(Now.AddMinutes(5), Now, CancellationToken.None);
        var afterExpiry = await store.Accounts.ListRevokedSinceAsync(DateTimeOffset.MinValue, Now.AddDays(14), CancellationToken.None);

        Assert.Equal(["s1", "s2"], all.Select(s => s.SessionId).Order());
        Assert.Equal(["s2"], recent.Select(s => s.SessionId));
        Assert.Empty(afterExpiry);
    }

    [Fact]
    public async Task OfParallelRotationsOfOneRefreshTokenExactlyOneWins()
    {
        await store.Accounts.StartSessionAsync(new SignedInSession("s1", "acct-1", "r0", Now), CancellationToken.None);

        var won = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => store.Accounts.RotateRefreshAsync("s1", "r0", $"r{i}", CancellationToken.None)));

        Assert.Single(won, w => w);
        Assert.False(await store.Accounts.RotateRefreshAsync("s1", "r0", "r9", CancellationToken.None));
        Assert.False(await store.Accounts.RotateRefreshAsync("no-such-session", "r0", "r9", CancellationToken.None));
    }

    [Fact]
    public void TheKeyRingIsSharedByEveryStoreOfTheDatabase()
    {
        var element = new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "k1"), "secret");
        store.ProtectionKeys.StoreElement(element, "key-k1");
        store.ProtectionKeys.StoreElement(element, "key-k1");

        var other = AccountStore.Create(database!.Options, clock);
        var keys = other.ProtectionKeys.GetAllElements();

        Assert.Equal("k1", Assert.Single(keys).Attribute("id")?.Value);
    }
}
