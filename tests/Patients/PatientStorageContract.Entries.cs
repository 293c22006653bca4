using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Patients;
using OrleansBooking.Silo.Storage.Sql;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Patients;

/// <summary>A patient's entries in draws are read with their reservations, on every engine, until the pool has drawn.</summary>
public abstract partial class PatientStorageContract
{
    private static readonly LotteryWindow TenMinutes = new(TimeSpan.FromMinutes(10));

    private static PoolDefinition DrawingPool(string poolId) =>
        Pool(poolId) with { DepartmentId = "cardiology", LotteryWindow = TenMinutes, LotterySeed = LotterySeed.Parse(new string('b', 64)) };

    [Fact]
    public async Task EntriesInDrawsNotYetDrawnAreReadWithTheBookingsOnEveryRead()
    {
        await Directory.RegisterAsync(Profile(), 5, CancellationToken.None);
        await CreatePoolWithAsync(DrawingPool("draw-open"),
            new LotteryEntered(new LotteryEntry("pt-1", Now)), new LotteryEntered(new LotteryEntry("pt-2", Now)));
        await CreatePoolWithAsync(DrawingPool("draw-done"), new LotteryEntered(new LotteryEntry("pt-1", Now)));
        await bookings!.SlotPools.WriteAsync("draw-done", 1, [new LotteryDrawn([new LotteryTicket("pt-1", 1, null)], Now.AddMinutes(10))],
            CancellationToken.None);
        var expected = new DrawEntryPlace("draw-open", new VisitDay(new DateOnly(2026, 12, 10), "cardiology"), TenMinutes.ClosesAt(Pool().ReleaseAt));

        var reread = await patients!.Records.ReadBookingsAsync("pt-1", CancellationToken.None);
        var loaded = (await Storage.ReadAsync("pt-1", CancellationToken.None))!.State.LoadedBookings;
        StoredBookings loadedAlone;
        await using (var dialect = SqlDialects.Create(Database.Options))
            loadedAlone = (await new SqlPatientStorage(dialect, Clock).ReadAsync("pt-1", CancellationToken.None))!.State.LoadedBookings;

        Assert.Equal([expected], reread.Entries);
        Assert.Equal([expected], loaded.Entries);
        Assert.Equal([expected], loadedAlone.Entries);
        Assert.Empty(reread.Visits);
    }
}
