using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Infrastructure;


namespace OrleansBooking.Tests.Storage;

/// <summary>
/// scripts/backup.sh while patients book, then scripts/restore.sh into a fresh database: every
/// reservation acknowledged before the backup began is there, and the restored pool keeps its invariants.
/// </summary>
public abstract class BackupRestoreContract
{
    private const string PoolId = "pool-backup";
    private const int Writers = 8;
    private const int AcknowledgedBeforeBackup = 200;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task ABackupTakenDuringWritesRestoresEveryReservationAcknowledgedBeforeIt()
    {
        await using var source = await CreateDatabaseAsync();
        await using var target = await CreateDatabaseAsync();
        var backup = Path.Combine(Path.GetTempPath(), $"orleansbooking-backup-{Guid.NewGuid():N}.bak");
        try
        {
            string[] before;
            int duringBackup;
            await using (var host = await OrleansBooking.Tests.Invariants.BookingHost.StartAsync(source.Options))
            {
                var pool = host.Pools.GetSlotPool(PoolId);
                Assert.IsType<CreatePoolOutcome.Created>(await pool.CreateAsync(OrleansBooking.Tests.Invariants.BookingHost.Pool(PoolId, quota: 100_000)));
                var acknowledged = new ConcurrentQueue<string>();
                var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        var outcome = await OrleansBooking.Tests.Invariants.Patients.ReserveUntilDecidedAsync(pool, new ReserveRequest($"w{w}-p{i}", $"w{w}-k{i}"));
                        var reserved = Assert.IsType<ReserveOutcome.Reserved>(outcome);
                        acknowledged.Enqueue(reserved.Reservation.ReservationId);
                        if (acknowledged.Count >= AcknowledgedBeforeBackup) enough.TrySetResult();
                    }
                })).ToArray();

                await enough.Task.WaitAsync(TimeSpan.FromMinutes(2));
                before = [.. acknowledged];
                await RunScriptAsync("backup.sh", source, backup);
                duringBackup = acknowledged.Count - before.Length;
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }
            Assert.True(duringBackup > 0, "No reservation was acknowledged while the backup ran: it did not run during writes.");

            await RunScriptAsync("restore.sh", target, backup);

            var restored = await ReservationIdsAsync(target);
            Assert.Empty(before.Except(restored));
            Assert.Equal(0, await target.ScalarAsync(
                $"SELECT COUNT(*) - COUNT(DISTINCT sequence_number) FROM reservations WHERE pool_id = '{PoolId}' AND status = 'booked'"));
            // The restored database is one the silo can run on: migrated already, the pool loads with every row.
            await using var store = BookingStoreFactory.Create(target.Options);
            await store.MigrateAsync(CancellationToken.None);
            var loaded = await store.SlotPools.ReadAsync(PoolId, CancellationToken.None);
            Assert.Equal(restored.Count, loaded!.State.Reservations.Count(r => r.Status == ReservationStatus.Booked));
        }
        finally
        {
            File.Delete(backup);
        }
    }

    private static async Task<HashSet<string>> ReservationIdsAsync(TestDatabase database)
    {
        await using var connection = await database.OpenRawAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT reservation_id FROM reservations WHERE pool_id = '{PoolId}' AND status = 'booked'";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task RunScriptAsync(string script, TestDatabase database, string backup)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(RepositoryRoot(), "scripts", script), "--provider", database.Options.Provider,
                     "--connection-string", database.Options.ConnectionString!, backup })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{script} exited with {process.ExitCode}: {await output}{await errors}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrleansBooking.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository (OrleansBooking.sln) is not above the test binaries.");
    }
}

public sealed class SqliteBackupRestoreTests : BackupRestoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbBackupRestoreTests(MariaDbFixture fixture) : BackupRestoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
