using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Grains.Waitlist;

namespace OrleansBooking.Tests.Waitlist;

/// <summary>Offers racing cancellations and the open crowd; a pending offer surviving a silo restart.</summary>
public sealed class WaitlistRaceAndRestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CancellationsDuringACrowdRushGoOnlyToThoseWaitingEachNumberToOnePatient()
    {
        const int Quota = 40, Waiting = 15, Cancelled = 10, Crowd = 400;
        await using var harness = await WaitlistHarness.StartAsync();
        var booked = await harness.CreateSoldOutPoolAsync(Quota);
        for (var w = 0; w < Waiting; w++) await harness.JoinAsync($"waiting-{w}");

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crowd = Enumerable.Range(0, Crowd).Select(async c =>
        {
            await start.Task;
            return await harness.Pool.ReserveAsync(new ReserveRequest($"crowd-{c}", $"crowd-key-{c}"));
        }).ToList();
        var cancellations = booked.Take(Cancelled).Select(async r =>
        {
            await start.Task;
            return await harness.Pool.CancelAsync(r.ReservationId, CancellationReason.PatientRequest);
        }).ToList();
        start.SetResult();
        var crowdAnswers = await Task.WhenAll(crowd);
        Assert.All(await Task.WhenAll(cancellations), c => Assert.IsType<CancelOutcome.Cancelled>(c));

        Assert.All(crowdAnswers, a => Assert.IsType<ReserveOutcome.SoldOut>(a));
        var offers = harness.CommittedOffers();
        Assert.Equal(Enumerable.Range(0, Cancelled).Select(w => $"waiting-{w}"), offers.Select(o => o.PatientId));
        Assert.Equal(booked.Take(Cancelled).Select(r => r.SequenceNumber).Order(), offers.Select(o => o.SequenceNumber).Order());

        var accepted = await Task.WhenAll(offers.Select(o => harness.AcceptAsync(o.PatientId)));
        var numbers = accepted.Select(a => Assert.IsType<ReserveOutcome.Reserved>(a).Reservation.SequenceNumber).ToList();
        var held = (await harness.Pool.ListReservationsAsync())!.Where(r => r.Status.HoldsNumber()).Select(r => r.SequenceNumber).ToList();
        Assert.Equal(Quota, held.Count);
        Assert.Equal(held.Count, held.Distinct().Count());
        Assert.Equal(Waiting - Cancelled, (await harness.Waitlist.GetWaitlistPlaceAsync($"waiting-{Waiting - 1}"))!.Position);
    }

    [Fact]
    public async Task APendingOfferSurvivesARestartAndStillPassesOnWhenItRunsOut()
    {
        var harness = await WaitlistHarness.StartAsync();
        var booked = await harness.CreateSoldOutPoolAsync();
        await harness.JoinAsync("patient-a");
        await harness.JoinAsync("patient-b");
        await harness.Pool.CancelAsync(booked[0].ReservationId, CancellationReason.PatientRequest);
        var storage = harness.Storage;
        var clock = harness.Clock;
        await harness.DisposeAsync();

        await using var restarted = await WaitlistHarness.StartAsync(storage, clock);
        var place = (await restarted.Waitlist.GetWaitlistPlaceAsync("patient-a"))!;
        Assert.Equal(booked[0].SequenceNumber, place.Offer!.SequenceNumber);
        Assert.IsType<ReserveOutcome.SoldOut>(await restarted.Pool.ReserveAsync(new ReserveRequest("crowd-1")));
        var passedOn = storage.Committed(c => c is WaitlistOfferMade { Offer.PatientId: "patient-b" });

        // Nobody calls the pool: the timer re-armed on activation lets the offer lapse.
        clock.Advance(TimeSpan.FromMinutes(WaitlistRules.DefaultOfferMinutes));
        await passedOn.WaitAsync(Patience);

        Assert.IsType<ReserveOutcome.OfferExpired>(await restarted.AcceptAsync("patient-a"));
        Assert.IsType<ReserveOutcome.Reserved>(await restarted.AcceptAsync("patient-b"));
    }
}
