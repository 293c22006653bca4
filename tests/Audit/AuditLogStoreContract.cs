using OrleansBooking.Api.Audit;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Audit;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Audit.AuditExamples;

namespace OrleansBooking.Tests.Audit;

/// <summary>The audit_log table on every engine: batches in, the admins' query out.</summary>
public abstract class AuditLogStoreContract : IAsyncLifetime
{
    private TestDatabase? database;
    private AuditLogStore? audit;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    private TestDatabase Database => database!;

    private IAuditBatchWriter Writer => audit!.Writer;

    private IAuditTrail Trail => audit!.Trail;

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        await using (var store = BookingStoreFactory.Create(database.Options)) await store.MigrateAsync(CancellationToken.None);
        audit = AuditLogStore.Create(database.Options);
    }

    public async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task ABatchIsStoredWithEveryFieldAndReadBackNewestFirst()
    {
        var signIn = new AuditEntry(Now, null, null, "SignIn", "POST", "/api/sign-in", 401, null, "2001:db8::1", "login 139****5678");
        var created = new AuditEntry(Now.AddSeconds(1), "acct-7", "admin", "CreatePool", "POST", "/api/admin/pools", 201,
            "/api/pools/pool-9", "10.0.0.7", null);

        await Writer.WriteAsync([signIn, created], CancellationToken.None);
        var read = await Trail.ReadAsync(new AuditQuery(), CancellationToken.None);

        Assert.Equal([created, signIn], read.Select(r => r.Entry));
        Assert.True(read[0].Id > read[1].Id, $"The later entry was written later, so its id should be larger; ids were {read[0].Id} and {read[1].Id}.");
    }

    [Fact]
    public async Task ABatchLargerThanOneInsertIsStoredWhole()
    {
        var batch = Enumerable.Range(0, 123).Select(i => Entry(i)).ToList();

        await Writer.WriteAsync(batch, CancellationToken.None);

        Assert.Equal(123, await Database.ScalarAsync("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task ABatchThatFailsPartWayStoresNothing()
    {
        // The 70th entry breaks NOT NULL, in the second INSERT of the batch: the first must not stay.
        var batch = Enumerable.Range(0, 80).Select(i => i == 70 ? Entry(i) with { Action = null! } : Entry(i)).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => Writer.WriteAsync(batch, CancellationToken.None));

        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task FromIsInclusiveAndToExclusive()
    {
        await Writer.WriteAsync([Entry(0), Entry(10), Entry(20), Entry(30)], CancellationToken.None);

        var read = await Trail.ReadAsync(new AuditQuery(From: Now.AddSeconds(10), To: Now.AddSeconds(30)), CancellationToken.None);

        Assert.Equal([Now.AddSeconds(20), Now.AddSeconds(10)], read.Select(r => r.Entry.OccurredAt));
    }

    [Fact]
    public async Task InstantsWithAnyOffsetMeanTheSameMoment()
    {
        await Writer.WriteAsync([Entry(0), Entry(3600)], CancellationToken.None);

        var read = await Trail.ReadAsync(new AuditQuery(From: Now.AddHours(1).ToOffset(TimeSpan.FromHours(8))), CancellationToken.None);

        Assert.Equal(Now.AddHours(1), Assert.Single(read).Entry.OccurredAt);
    }

    [Fact]
    public async Task FiltersByAccountAndByAction()
    {
        await Writer.WriteAsync(
        [
            Entry(0, accountId: "acct-a", action: "ChangePool"),
            Entry(1, accountId: "acct-b", action: "ChangePool"),
            Entry(2, accountId: "acct-a", action: "StopClinic"),
            Entry(3, accountId: null, action: "SignIn"),
        ], CancellationToken.None);

        var byAccount = await Trail.ReadAsync(new AuditQuery(AccountId: "acct-a"), CancellationToken.None);
        var byAction = await Trail.ReadAsync(new AuditQuery(Action: "ChangePool"), CancellationToken.None);
        var both = await Trail.ReadAsync(new AuditQuery(AccountId: "acct-a", Action: "ChangePool"), CancellationToken.None);

        Assert.Equal([Now.AddSeconds(2), Now], byAccount.Select(r => r.Entry.OccurredAt));
        Assert.Equal([Now.AddSeconds(1), Now], byAction.Select(r => r.Entry.OccurredAt));
        Assert.Equal([Now], both.Select(r => r.Entry.OccurredAt));
    }

    [Fact]
    public async Task NewestFirstByTimeEvenWhenWrittenOutOfOrder()
    {
        // Two silos: the later action can reach the table in an earlier batch.
        await Writer.WriteAsync([Entry(5)], CancellationToken.None);
        await Writer.WriteAsync([Entry(9), Entry(1)], CancellationToken.None);

        var read = await Trail.ReadAsync(new AuditQuery(), CancellationToken.None);

        Assert.Equal([Now.AddSeconds(9), Now.AddSeconds(5), Now.AddSeconds(1)], read.Select(r => r.Entry.OccurredAt));
    }

    [Fact]
    public async Task LimitAndBeforePageThroughEveryEntryOnceIncludingTiesInTime()
    {
        // Seven entries, four of them in the same second: pages must split the tie by id.
        await Writer.WriteAsync([Entry(0), Entry(1), Entry(1), Entry(1), Entry(1), Entry(2), Entry(3)], CancellationToken.None);
        var all = await Trail.ReadAsync(new AuditQuery(), CancellationToken.None);

        var paged = new List<RecordedAuditEntry>();
        long? before = null;
        for (var page = 0; page < 4; page++)
        {
            var read = await Trail.ReadAsync(new AuditQuery(Before: before, Limit: 3), CancellationToken.None);
            Assert.True(read.Count <= 3, $"Page {page} should hold at most 3 entries but held {read.Count}.");
            paged.AddRange(read);
            if (read.Count == 0) break;
            before = read[^1].Id;
        }

        Assert.Equal(7, all.Count);
        Assert.Equal(all.Select(r => r.Id), paged.Select(r => r.Id));
    }

    [Fact]
    public async Task BeforeAnUnknownEntrySelectsNothing()
    {
        await Writer.WriteAsync([Entry(0), Entry(1)], CancellationToken.None);

        Assert.Empty(await Trail.ReadAsync(new AuditQuery(Before: 999_999), CancellationToken.None));
    }

    [Fact]
    public async Task OverlongTextIsCutToTheColumnLengthsNeverSplittingACharacter()
    {
        // "😀" is two UTF-16 units: at the cut it would be split in half, so it goes whole.
        var longPath = "/api/" + new string('p', 506) + "😀";
        var entry = new AuditEntry(Now, new string('a', 200), new string('r', 40), new string('x', 300), "PROPPATCH-EXTENDED",
            longPath, 200, "/" + new string('t', 600), new string('9', 100), new string('d', 255) + "é" + new string('e', 50));

        await Writer.WriteAsync([entry], CancellationToken.None);
        var stored = Assert.Single(await Trail.ReadAsync(new AuditQuery(), CancellationToken.None)).Entry;

        Assert.Equal(new string('a', 128), stored.AccountId);
        Assert.Equal(new string('r', 16), stored.Role);
        Assert.Equal(new string('x', 128), stored.Action);
        Assert.Equal("PROPPATCH-EXTEND", stored.Method);
        Assert.Equal("/api/" + new string('p', 506), stored.Path);
        Assert.Equal("/" + new string('t', 511), stored.Target);
        Assert.Equal(new string('9', 64), stored.ClientAddress);
        Assert.Equal(new string('d', 255) + "é", stored.Detail);
    }
}

public sealed class SqliteAuditLogStoreTests : AuditLogStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(Infrastructure.MariaDbCollection.Name)]
public sealed class MariaDbAuditLogStoreTests(Infrastructure.MariaDbFixture fixture) : AuditLogStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
