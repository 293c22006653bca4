using OrleansBooking.Grains.Payments;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Grains.Waitlist;
using OrleansBooking.Tests.SlotPools;

namespace OrleansBooking.Tests.Waitlist;

/// <summary>The waitlist in the pool grain: who may join, offers in turn, expiry and declines on the fake clock, the open crowd kept out.</summary>
public sealed class WaitlistOfferTests
{
    private static readonly TimeSpan OfferLength = TimeSpan.FromMinutes(WaitlistRules.DefaultOfferMinutes);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task JoiningAPoolWithNumbersLeftAnswersNumbersAvailable()
    {
        await using var harness = await WaitlistHarness.StartAsync();
        await harness.CreateSoldOutPoolAsync(quota: 2);
        await harness.Pool.CancelAsync((await harness.Pool.ListReservationsAsync())![0].ReservationId, CancellationReason.AdminAction);

        var outcome = await harness.Waitlist.JoinWaitlistAsync("patient-a");

        Assert.Equal(new JoinWaitlistOutcome.NumbersAvailable(1), outcome);
    }

    [Fact]
    public async Task PatientsJoinInTurnAndJoiningAgainAnswersTheSamePlace()
    {
        await using var harness = await WaitlistHarness.StartAsync();
        var booked = await harness.CreateSoldOutPoolAsync();

        var first = await harness.JoinAsync("patient-a");
        var second = await harness.JoinAsync("patient-b");
        var again = Assert.IsType<JoinWaitlistOutcome.Joined>(await harness.Waitlist.JoinWaitlistAsync("patient-a"));

        Assert.Equal((1, 2), (first.Position, second.Position));
        Assert.True(again.Repeated);
        Assert.Equal(first, again.Place);
        Assert.IsType<JoinWaitlistOutcome.AlreadyBooked>(await harness.Waitlist.JoinWaitlistAsync(booked[0].PatientId));
    }

    [Fact]
    public async Task ACancelledNumberIsOfferedToTheFirstPatientWaitingAndNotToTheCrowd()
    {
        await using var harness = await WaitlistHarness.StartAsync();
        var booked = await harness.CreateSoldOutPoolAsync();
        await harness.JoinAsync("patient-a");
        await harness.JoinAsync("patient-b");

        await harness.Pool.CancelAsync(booked[0].ReservationId, CancellationReason.PatientRequest);

        var offer = Assert.Single(harness.CommittedOffers());
        Assert.Equal(("patient-a", booked[0].SequenceNumber, PoolHarness.ReleaseAt + OfferLength), (offer.PatientId, offer.SequenceNumber, offer.ExpiresAt));
        Assert.IsType<ReserveOutcome.SoldOut>(await harness.Pool.ReserveAsync(new ReserveRequest("crowd-1")));
        Assert.IsType<ReserveOutcome.SoldOut>(await harness.Pool.ReserveAsync(new ReserveRequest("patient-b")));
        Assert.Equal(0, (await harness.Pool.GetSnapshotAsync())!.Remaining);
        Assert.Equal(1, (await harness.Waitlist.GetWaitlistPlaceAsync("patient-b"))!.Position);

        var accepted = Assert.IsType<ReserveOutcome.Reserved>(await harness.AcceptAsync("patient-a"));
        Assert.Equal((booked[0].SequenceNumber, ReservationStatus.Booked), (accepted.Reservation.SequenceNumber, accepted.Reservation.Status));
        Assert.Null(await harness.Waitlist.GetWaitlistPlaceAsync("patient-a"));
    }

    [Fact]
    public async Task AnUnansweredOfferPassesToTheNextPatientAndALateAcceptIsOfferExpired()
    {
        await using var harness = await WaitlistHarness.StartAsync();
        var booked = await harness.CreateSoldOutPoolAsync();
        await harness.JoinAsync("patient-a");
        await harness.JoinAsync("patient-b");
        await harness.Pool.CancelAsync(booked[0].ReservationId, CancellationReason.PatientRequest);
        var passedOn = harness.Storage.Committed(c => c is WaitlistOfferMade { Offer.PatientId: "patient-b" });

        harness.Clock.Advance(OfferLength - TimeSpan.FromMilliseconds(1));
        Assert.NotNull((await harness.Waitlist.GetWaitlistPlaceAsync("patient-a"))!.Offer);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        // The grain timer lets the offer lapse on the grain clock; the offer to the next patient is the event itself.
        await passedOn.WaitAsync(Patience);

        Assert.IsType<ReserveOutcome.OfferExpired>(await harness.AcceptAsync("patient-a"));
        var offer = (await harness.Waitlist.GetWaitlistPlaceAsync("patient-b"))!.Offer!;
        Assert.Equal(booked[0].SequenceNumber, offer.SequenceNumber);
        Assert.IsType<ReserveOutcome.Reserved>(await harness.AcceptAsync("patient-b"));
        Assert.IsType<ReserveOutcome.NoOffer>(await harness.AcceptAsync("patient-never-waited"));
    }

    [Fact]
    public async Task ADeclinedOfferPassesOnAtOnceAndWithNobodyWaitingTheNumberIsTheCrowds()
    {
        await using var harness = await WaitlistHarness.StartAsync();
        var booked = await harness.CreateSoldOutPoolAsync();
        await harness.JoinAsync("patient-a");
        await harness.JoinAsync("patient-b");
        await harness.Pool.CancelAsync(booked[0].ReservationId, CancellationReason.PatientRequest);

        Assert.Equal(new LeaveWaitlistOutcome.Left(DeclinedOffer: true), await harness.Waitlist.DeclineOfferAsync("patient-a"));
        Assert.NotNull((await harness.Waitlist.GetWaitlistPlaceAsync("patient-b"))!.Offer);
        Assert.Equal(new LeaveWaitlistOutcome.NoOffer(Expired: true), await harness.Waitlist.DeclineOfferAsync("patient-a"));
        Assert.Equal(new LeaveWaitlistOutcome.Left(DeclinedOffer: true), await harness.Waitlist.LeaveWaitlistAsync("patient-b"));

        Assert.IsType<ReserveOutcome.Reserved>(await harness.Pool.ReserveAsync(new ReserveRequest("crowd-1")));
    }

    [Fact]
    public async Task AQuotaRaiseOffersTheNewNumbersToThoseWaitingFirstAndTheRestToTheCrowd()
    {
        await using var harness = await WaitlistHarness.StartAsync();
        await harness.CreateSoldOutPoolAsync(quota: 2);
        await harness.JoinAsync("patient-a");

        await harness.Pool.ChangeAsync(new PoolChangeRequest(Quota: 4));

        Assert.Equal(3, Assert.Single(harness.CommittedOffers()).SequenceNumber);
        var crowd = Assert.IsType<ReserveOutcome.Reserved>(await harness.Pool.ReserveAsync(new ReserveRequest("crowd-1")));
        Assert.Equal(4, crowd.Reservation.SequenceNumber);
        Assert.IsType<ReserveOutcome.SoldOut>(await harness.Pool.ReserveAsync(new ReserveRequest("crowd-2")));
        var lowered = Assert.IsType<ChangePoolOutcome.QuotaBelowBooked>(await harness.Pool.ChangeAsync(new PoolChangeRequest(Quota: 2)));
        Assert.Equal(4, lowered.MinimumQuota);
    }

    [Fact]
    public async Task AnExpiredPaymentHoldPassesItsNumberToTheWaitlistAndTheAcceptedOfferIsAHold()
    {
        await using var harness = await WaitlistHarness.StartAsync(payment: new PaymentRules { Mode = PaymentRules.AtBooking });
        var held = await harness.CreateSoldOutPoolAsync();
        await harness.JoinAsync("patient-a");
        var offered = harness.Storage.Committed(c => c is WaitlistOfferMade { Offer.PatientId: "patient-a" });

        harness.Clock.Advance(TimeSpan.FromMinutes(PaymentRules.DefaultHoldMinutes));
        await offered.WaitAsync(Patience);

        Assert.IsType<ReserveOutcome.SoldOut>(await harness.Pool.ReserveAsync(new ReserveRequest("crowd-1")));
        var accepted = Assert.IsType<ReserveOutcome.Reserved>(await harness.AcceptAsync("patient-a")).Reservation;
        Assert.Equal((held[0].SequenceNumber, ReservationStatus.PendingPayment), (accepted.SequenceNumber, accepted.Status));
        Assert.NotNull(accepted.HoldExpiresAt);
    }

    [Fact]
    public async Task AStoppedClinicEndsEveryEntryWaitingOrOfferedAndTellsEachPatientWhy()
    {
        await using var harness = await WaitlistHarness.StartAsync();
        var booked = await harness.CreateSoldOutPoolAsync(quota: 2);
        await harness.JoinAsync("patient-a");
        await harness.JoinAsync("patient-b");
        await harness.Pool.CancelAsync(booked[0].ReservationId, CancellationReason.PatientRequest);

        Assert.IsType<StopClinicOutcome.Stopped>(await harness.Pool.StopClinicAsync("Dr. Li is ill"));

        var ended = harness.Storage.Inner.CommittedChanges(WaitlistHarness.PoolId).OfType<WaitlistWithdrawn>().ToList();
        Assert.Equal([("patient-a", "Dr. Li is ill"), ("patient-b", "Dr. Li is ill")], ended.Select(e => (e.PatientId, e.Reason)));
        Assert.Equal(2, ended.Select(e => e.NotificationId).Distinct().Count());
        Assert.Null(await harness.Waitlist.GetWaitlistPlaceAsync("patient-a"));
        Assert.Null(await harness.Waitlist.GetWaitlistPlaceAsync("patient-b"));
        Assert.Equal(0, (await harness.Pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task JoiningBeforeTheReleaseOrAfterTheSessionBeganIsRefused()
    {
        await using var harness = await WaitlistHarness.StartAsync(clock: new(PoolHarness.ReleaseAt - TimeSpan.FromMinutes(1)));
        Assert.IsType<CreatePoolOutcome.Created>(await harness.Pool.CreateAsync(PoolHarness.Morning(WaitlistHarness.PoolId, quota: 1)));

        Assert.Equal(new JoinWaitlistOutcome.NotReleased(PoolHarness.ReleaseAt), await harness.Waitlist.JoinWaitlistAsync("patient-a"));
        harness.Clock.SetUtcNow(PoolHarness.ReleaseAt);
        await harness.BookAsync("booked-1");
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(new JoinWaitlistOutcome.PoolClosed(PoolStatus.Closed), await harness.Waitlist.JoinWaitlistAsync("patient-a"));
    }
}
