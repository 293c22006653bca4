using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.SlotPools;
using static OrleansBooking.Tests.DoctorsDay.StatusFlowTests;

namespace OrleansBooking.Tests.DoctorsDay;

public sealed class CallNextTests
{
    [Fact]
    public async Task CallNextTakesCheckedInPatientsInNumberOrderNotArrivalOrder()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync();
        var first = await Reserve(pool, "patient-1");
        var second = await Reserve(pool, "patient-2");
        var third = await Reserve(pool, "patient-3");
        await Move(pool, third, ReservationStatus.CheckedIn);
        await Move(pool, first, ReservationStatus.CheckedIn);
        await Move(pool, second, ReservationStatus.CheckedIn);

        var calls = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var called = Assert.IsType<CallNextOutcome.Called>(await pool.CallNextAsync()).Reservation;
            Assert.Equal(ReservationStatus.InConsultation, called.Status);
            calls.Add(called.SequenceNumber);
        }

        Assert.Equal([1, 2, 3], calls);
    }

    [Fact]
    public async Task CallNextSkipsPatientsWhoHaveNotArrived()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync();
        await Reserve(pool, "patient-1");
        var second = await Reserve(pool, "patient-2");
        await Move(pool, second, ReservationStatus.CheckedIn);

        var called = Assert.IsType<CallNextOutcome.Called>(await pool.CallNextAsync()).Reservation;

        Assert.Equal(second.ReservationId, called.ReservationId);
        Assert.Equal(ReservationStatus.InConsultation, (await pool.GetReservationAsync(second.ReservationId))!.Status);
    }

    [Fact]
    public async Task CallNextWithNobodyCheckedInSaysNobodyIsWaiting()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync();
        var only = await Reserve(pool, "patient-1");
        await Move(pool, only, ReservationStatus.CheckedIn);
        await pool.CallNextAsync();

        Assert.IsType<CallNextOutcome.NobodyWaiting>(await pool.CallNextAsync());
    }

    [Fact]
    public async Task CallNextOnAPoolThatDoesNotExistSaysSo()
    {
        await using var harness = await PoolHarness.StartAsync();

        Assert.IsType<CallNextOutcome.PoolNotFound>(await harness.Pools.GetSlotPool("nowhere").CallNextAsync());
    }
}
