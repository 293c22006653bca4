using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Lottery;

/// <summary>After the draw every entrant is told once, in the draw's batch: winners their number, the others that they were not drawn.</summary>
public sealed class LotteryResultTests
{
    private static readonly string[] Entrants = ["patient-a", "patient-b", "patient-c", "patient-d", "patient-e"];

    [Fact]
    public async Task EveryEntrantHasExactlyOneResultWithTheOutcomeTheDrawGaveThem()
    {
        await using var harness = await LotteryHarness.StartAsync();
        await harness.CreateOpenWindowAsync(quota: 2);
        await harness.EnterAsync(Entrants);

        await harness.DrawAsync();

        var notices = harness.Committed.OfType<LotteryResultQueued>().Select(q => q.Notice).ToList();
        var reservations = harness.Committed.OfType<ReservationMade>().Select(m => m.Reservation).ToDictionary(r => r.PatientId);
        var drawn = LotteryDraw.Draw(harness.StoredSeed, Entrants, [1, 2]).ToDictionary(t => t.PatientId);
        Assert.Equal(Entrants.Order(), notices.Select(n => n.PatientId).Order());
        Assert.All(notices, notice =>
        {
            Assert.Equal(drawn[notice.PatientId].SequenceNumber, notice.SequenceNumber);
            Assert.Equal(LotteryResultNotice.IdFor(LotteryHarness.PoolId, notice.PatientId), notice.NotificationId);
            Assert.Equal(reservations.GetValueOrDefault(notice.PatientId)?.ReservationId, notice.ReservationId);
            Assert.Equal(reservations.GetValueOrDefault(notice.PatientId)?.VisitTime, notice.VisitTime);
        });
        Assert.Equal(2, notices.Count(n => n.Won));
    }

    [Fact]
    public async Task APoolWithNoEntrantsDrawsAndTellsNobody()
    {
        await using var harness = await LotteryHarness.StartAsync();
        await harness.CreateOpenWindowAsync(quota: 2);

        await harness.DrawAsync();

        Assert.Empty(harness.Committed.OfType<LotteryResultQueued>());
    }
}
