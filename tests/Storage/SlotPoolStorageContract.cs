using Microsoft.Extensions.Time.Testing;
using System.Data.Common;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Fakes;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Storage;

/// <summary>What the slot pool storage must do on every engine; each engine's test class derives from this.</summary>
public abstract partial class SlotPoolStorageContract : StoreContract
{
    private IChangeStorage<SlotPoolState, SlotPoolChange> Pools => Store.SlotPools;

    [Fact]
    public async Task NothingStoredReadsAsNull()
    {
        Assert.Null(await Pools.ReadAsync("pool-1", CancellationToken.None));
    }

    [Fact]
    public async Task CreatedPoolReadsBackWithVersionOne()
    {
        await CreatePoolAsync();

        var stored = await ReadAsync();
        Assert.Equal(1, stored.Version);
        Assert.Equal(Pool(), stored.State.Definition);
        Assert.Equal(PoolStatus.Open, stored.State.Status);
        Assert.Equal(Now, stored.State.CreatedAt);
        Assert.Empty(stored.State.Reservations);
    }

    [Fact]
    public async Task ReservationsReadBackExactly()
    {
        await CreatePoolAsync();
        var made = new[] { Reservation(1), Reservation(2, idempotencyKey: "key-2"), Reservation(3) };

        await Pools.WriteAsync("pool-1", 1, made.Select(r => (SlotPoolChange)new ReservationMade(r)).ToList(), CancellationToken.None);

        var stored = await ReadAsync();
        Assert.Equal(2, stored.Version);
        Assert.Equal(made, stored.State.Reservations.OrderBy(r => r.SequenceNumber));
        Assert.Equal(3, stored.State.Booked);
        Assert.Equal(4, stored.State.NextFreeNumber());
        Assert.Equal(made[1], stored.State.FindByIdempotencyKey("key-2"));
    }

    [Fact]
    public async Task CancellationReleasesTheNumberAndKeepsTheRow()
    {
        await CreatePoolAsync();
        await WriteAsync(1, new ReservationMade(Reservation(1)), new ReservationMade(Reservation(2)));
        var cancelledAt = Now.AddHours(1);

        await WriteAsync(2, new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.PatientRequest, cancelledAt));

        var stored = await ReadAsync();
        var expected = Reservation(1) with
        {
            Status = ReservationStatus.Cancelled,
            CancelledAt = cancelledAt,
            CancellationReason = CancellationReason.PatientRequest,
        };
        Assert.Equal(expected, stored.State.FindReservation(expected.ReservationId));
        Assert.Equal(1, stored.State.Booked);
        Assert.Equal(1, stored.State.NextFreeNumber());
        Assert.Null(stored.State.FindActiveReservationOf("patient-1"));
        Assert.Equal(1, await Database.ScalarAsync(
            $"SELECT COUNT(*) FROM reservations WHERE reservation_id = '{expected.ReservationId}' AND status = 'cancelled' " +
            "AND cancellation_reason = 'patient_request' AND active_sequence IS NULL AND active_patient_id IS NULL"));
    }

    [Fact]
    public async Task PoolChangesReadBack()
    {
        await CreatePoolAsync();
        var newRelease = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

        await WriteAsync(1, new QuotaChanged(45), new ReleaseRescheduled(newRelease), new PoolStatusChanged(PoolStatus.Closed));

        var stored = await ReadAsync();
        Assert.Equal(2, stored.Version);
        Assert.Equal(Pool() with { Quota = 45, ReleaseAt = newRelease }, stored.State.Definition);
        Assert.Equal(PoolStatus.Closed, stored.State.Status);

        await WriteAsync(2, new PoolStatusChanged(PoolStatus.Open), new QuotaChanged(40));
        stored = await ReadAsync();
        Assert.Equal(3, stored.Version);
        Assert.Equal(PoolStatus.Open, stored.State.Status);
        Assert.Equal(40, stored.State.Definition!.Quota);
    }

    [Fact]
    public async Task CreateBatchMayCarryEveryKindOfChange()
    {
        var changes = new List<SlotPoolChange>
        {
            new PoolCreated(Pool(), Now),
            new ReservationMade(Reservation(1)),
            new ReservationMade(Reservation(2)),
            new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.AdminAction, Now),
            new ReservationMade(Reservation(1, patientId: "patient-9")), // the freed number, taken again in the same batch
            new QuotaChanged(50),
            new ReleaseRescheduled(Now.AddDays(1)),
            new PoolStatusChanged(PoolStatus.Cancelled),
        };

        await Pools.WriteAsync("pool-1", 0, changes, CancellationToken.None);

        var stored = await ReadAsync();
        Assert.Equal(1, stored.Version);
        Assert.Equal(Pool() with { Quota = 50, ReleaseAt = Now.AddDays(1) }, stored.State.Definition);
        Assert.Equal(PoolStatus.Cancelled, stored.State.Status);
        Assert.Equal(3, stored.State.Reservations.Count());
        Assert.Equal(2, stored.State.Booked);
        Assert.Equal("patient-9", stored.State.FindActiveReservationOf("patient-9")?.PatientId);
    }

    [Fact]
    public async Task LargeBatchesReadBackWhole()
    {
        await CreatePoolAsync(quota: 2_000);
        var made = Enumerable.Range(1, 1_234).Select(n => (SlotPoolChange)new ReservationMade(Reservation(n))).ToList();
        made.Insert(700, new ReservationCancelled(Reservation(5).ReservationId, CancellationReason.PatientRequest, Now));

        await Pools.WriteAsync("pool-1", 1, made, CancellationToken.None);

        var stored = await ReadAsync();
        Assert.Equal(1_234, stored.State.Reservations.Count());
        Assert.Equal(1_233, stored.State.Booked);
        Assert.Equal(5, stored.State.NextFreeNumber());
    }

    [Fact]
    public async Task StaleVersionIsAConflictAndWritesNothing()
    {
        await CreatePoolAsync();
        await WriteAsync(1, new ReservationMade(Reservation(1)));

        var conflict = await Assert.ThrowsAsync<StorageVersionConflictException>(
            () => WriteAsync(1, new ReservationMade(Reservation(2)), new QuotaChanged(99)));

        Assert.Equal(1, conflict.ExpectedVersion);
        var stored = await ReadAsync();
        Assert.Equal(2, stored.Version);
        Assert.Equal([1], stored.State.Reservations.Select(r => r.SequenceNumber));
        Assert.Equal(30, stored.State.Definition!.Quota);
    }

    [Fact]
    public async Task VersionAheadOfTheStoredOneIsAConflict()
    {
        await CreatePoolAsync();

        await Assert.ThrowsAsync<StorageVersionConflictException>(() => WriteAsync(5, new QuotaChanged(10)));
        Assert.Equal(1, (await ReadAsync()).Version);
    }

    [Fact]
    public async Task CreatingAStoredPoolAgainIsAConflict()
    {
        await CreatePoolAsync();

        var conflict = await Assert.ThrowsAsync<StorageVersionConflictException>(
            () => Pools.WriteAsync("pool-1", 0, [new PoolCreated(Pool(quota: 99), Now), new ReservationMade(Reservation(1))], CancellationToken.None));

        Assert.Equal(0, conflict.ExpectedVersion);
        var stored = await ReadAsync();
        Assert.Equal(30, stored.State.Definition!.Quota);
        Assert.Empty(stored.State.Reservations);
    }

    [Fact]
    public async Task DatabaseRejectsASecondActiveHolderOfANumber()
    {
        await CreatePoolAsync();
        await WriteAsync(1, new ReservationMade(Reservation(1)));

        await Assert.ThrowsAnyAsync<DbException>(() => WriteAsync(2, new ReservationMade(Reservation(1, patientId: "patient-other"))));

        Assert.Equal(2, (await ReadAsync()).Version);
    }

    [Fact]
    public async Task DatabaseRejectsASecondActiveReservationOfAPatient()
    {
        await CreatePoolAsync();
        await WriteAsync(1, new ReservationMade(Reservation(1, patientId: "patient-a")));

        await Assert.ThrowsAnyAsync<DbException>(() => WriteAsync(2, new ReservationMade(Reservation(2, patientId: "patient-a"))));
    }

    [Fact]
    public async Task PatientMayReserveAgainAfterCancelling()
    {
        await CreatePoolAsync();
        var first = Reservation(1, patientId: "patient-a");
        await WriteAsync(1, new ReservationMade(first));

        await WriteAsync(2,
            new ReservationCancelled(first.ReservationId, CancellationReason.PatientRequest, Now),
            new ReservationMade(Reservation(2, patientId: "patient-a")));

        var stored = await ReadAsync();
        Assert.Equal(2, stored.State.FindActiveReservationOf("patient-a")?.SequenceNumber);
    }

    [Fact]
    public async Task DatabaseRejectsADuplicateIdempotencyKey()
    {
        await CreatePoolAsync();
        await WriteAsync(1, new ReservationMade(Reservation(1, idempotencyKey: "key")));

        await Assert.ThrowsAnyAsync<DbException>(() => WriteAsync(2, new ReservationMade(Reservation(2, idempotencyKey: "key"))));
    }

    [Fact]
    public async Task TextWithQuotesBackslashesAndUnicodeIsStoredVerbatim()
    {
        await CreatePoolAsync();
        var awkward = Reservation(1, patientId: "o'brien\\\"; DROP TABLE pools; -- 李医生 🏥", idempotencyKey: "key'\\%_\n");

        await WriteAsync(1, new ReservationMade(awkward));
        await WriteAsync(2, new ReservationCancelled(awkward.ReservationId, CancellationReason.PatientRequest, Now));

        var stored = (await ReadAsync()).State.FindReservation(awkward.ReservationId);
        Assert.Equal(awkward.PatientId, stored?.PatientId);
        Assert.Equal(awkward.IdempotencyKey, stored?.IdempotencyKey);
        Assert.Equal(ReservationStatus.Cancelled, stored?.Status);
    }

    [Fact]
    public async Task IdempotencyKeysDifferingOnlyInCaseAreDistinct()
    {
        await CreatePoolAsync();

        await WriteAsync(1, new ReservationMade(Reservation(1, idempotencyKey: "Key")), new ReservationMade(Reservation(2, idempotencyKey: "key")));

        Assert.Equal(2, (await ReadAsync()).State.Reservations.Count());
    }

    [Fact]
    public async Task BatchFailingMidwayWritesNothing()
    {
        await CreatePoolAsync();
        var batch = new SlotPoolChange[]
        {
            new QuotaChanged(60),
            new ReservationMade(Reservation(1)),
            new ReservationMade(Reservation(2)),
            new ReservationMade(Reservation(2, patientId: "patient-dup")), // number 2 twice: the database refuses
            new ReservationMade(Reservation(3)),
        };

        await Assert.ThrowsAnyAsync<DbException>(() => WriteAsync(1, batch));

        var stored = await ReadAsync();
        Assert.Equal(1, stored.Version);
        Assert.Equal(30, stored.State.Definition!.Quota);
        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations"));
        // The pool is still writable at the version it had.
        await WriteAsync(1, new ReservationMade(Reservation(1)));
        Assert.Equal(2, (await ReadAsync()).Version);
    }

    [Fact]
    public async Task CancellingAnUnknownReservationFailsTheBatch()
    {
        await CreatePoolAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => WriteAsync(1, new ReservationMade(Reservation(1)), new ReservationCancelled("no-such-id", CancellationReason.AdminAction, Now)));

        Assert.Contains("touched 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations"));
    }

    [Fact]
    public async Task ReservationIndexFindsCommittedReservationsOnly()
    {
        await CreatePoolAsync();
        await WriteAsync(1, new ReservationMade(Reservation(1)));

        Assert.Equal("pool-1", await Store.Reservations.FindPoolIdAsync(Reservation(1).ReservationId, CancellationToken.None));
        Assert.Null(await Store.Reservations.FindPoolIdAsync("unknown", CancellationToken.None));
    }

    [Fact]
    public async Task PoolsAreSeparate()
    {
        await CreatePoolAsync();
        await Pools.WriteAsync("pool-2", 0, [new PoolCreated(Pool("pool-2"), Now)], CancellationToken.None);

        // The same number and patient in another pool are no conflict.
        await WriteAsync(1, new ReservationMade(Reservation(1)));
        await Pools.WriteAsync("pool-2", 1, [new ReservationMade(Reservation(1, patientId: "patient-1", poolId: "pool-2"))], CancellationToken.None);

        Assert.Single((await ReadAsync("pool-2")).State.Reservations);
        Assert.Equal("pool-2", await Store.Reservations.FindPoolIdAsync(Reservation(1, poolId: "pool-2").ReservationId, CancellationToken.None));
    }

    [Fact]
    public async Task FeeIsKeptToTheCent()
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(Pool() with { Fee = 1234.5m }, Now)], CancellationToken.None);
        await Pools.WriteAsync("pool-2", 0, [new PoolCreated(Pool("pool-2") with { Fee = 12.345m }, Now)], CancellationToken.None);
        await WriteAsync(1, new ReservationMade(Reservation(1)));

        Assert.Equal(1234.50m, (await ReadAsync()).State.Definition!.Fee);
        Assert.Equal(12.35m, (await ReadAsync("pool-2")).State.Definition!.Fee);
    }

    [Fact]
    public async Task PoolGrainsCommitThroughTheStoreAndANewSiloSeesExactlyThat()
    {
        var acknowledged = new List<Reservation>();
        await using (var silo = await GrainHost.StartPoolsAsync(Pools, Clock))
        {
            var pools = silo.Pools;
            await pools.GetSlotPool("pool-1").CreateAsync(Pool(quota: 150));

            var outcomes = await Task.WhenAll(Enumerable.Range(1, 400)
                .Select(i => Task.Run(() => pools.GetSlotPool("pool-1").ReserveAsync(new ReserveRequest($"patient-{i}")))));
            acknowledged.AddRange(outcomes.OfType<ReserveOutcome.Reserved>().Select(r => r.Reservation));
            Assert.Equal(250, outcomes.Count(o => o is ReserveOutcome.SoldOut));
        }

        await using var restarted = await GrainHost.StartPoolsAsync(Pools, Clock);
        var reloaded = await restarted.Pools.GetSlotPool("pool-1").ListReservationsAsync();

        Assert.Equal(Enumerable.Range(1, 150), reloaded!.Select(r => r.SequenceNumber));
        Assert.Equal(acknowledged.OrderBy(r => r.SequenceNumber), reloaded);
    }

    [Fact]
    public async Task PingAnswers()
    {
        Assert.True(await Store.PingAsync(CancellationToken.None), "A freshly migrated database should answer a ping.");
    }

    private Task CreatePoolAsync(int quota = 30) =>
        Pools.WriteAsync("pool-1", 0, [new PoolCreated(Pool(quota: quota), Now)], CancellationToken.None);

    private Task WriteAsync(long expectedVersion, params SlotPoolChange[] changes) =>
        Pools.WriteAsync("pool-1", expectedVersion, changes, CancellationToken.None);

    private async Task<StoredState<SlotPoolState>> ReadAsync(string poolId = "pool-1") =>
        await Pools.ReadAsync(poolId, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException($"Pool '{poolId}' should be stored but reads as null.");
}
