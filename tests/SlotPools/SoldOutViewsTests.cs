using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.SlotPools;

/// <summary>The silo's copy of sold-out views against a pool whose answers the test releases by hand.</summary>
public sealed class SoldOutViewsTests
{
    private static readonly SoldOutView Everyone = new([], [], TimeSpan.FromSeconds(1));
    private static readonly ReserveRequest Newcomer = new("patient-1");

    [Fact]
    public async Task AViewThatArrivesAfterAChangeIsDropped()
    {
        var views = new SoldOutViews(new FakeTimeProvider());
        var pool = new PoolAnsweringByHand();

        var refreshing = views.RefreshAsync("p1", pool);
        views.Forget("p1");
        pool.Answer(Everyone);
        await refreshing;

        Assert.False(views.AnswersSoldOut("p1", Newcomer));
    }

    [Fact]
    public async Task OneSiloAsksAPoolOnceAtATime()
    {
        var views = new SoldOutViews(new FakeTimeProvider());
        var pool = new PoolAnsweringByHand();

        var first = views.RefreshAsync("p1", pool);
        var second = views.RefreshAsync("p1", pool);
        await second;
        pool.Answer(Everyone);
        await first;

        Assert.Equal(1, pool.Asked);
        Assert.True(views.AnswersSoldOut("p1", Newcomer));
    }

    [Fact]
    public async Task AFailedAskLeavesNoView()
    {
        var views = new SoldOutViews(new FakeTimeProvider());
        var pool = new PoolAnsweringByHand();

        var refreshing = views.RefreshAsync("p1", pool);
        pool.Fail(new TimeoutException("silo lost"));
        await refreshing;

        Assert.False(views.AnswersSoldOut("p1", Newcomer));
    }

    /// <summary>Only the view is asked for; anything else would be a test bug.</summary>
    private sealed class PoolAnsweringByHand : ISlotPoolGrain
    {
        private readonly TaskCompletionSource<SoldOutView?> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Asked { get; private set; }

        public void Answer(SoldOutView view) => answer.SetResult(view);

        public void Fail(Exception fault) => answer.SetException(fault);

        public Task<SoldOutView?> GetSoldOutViewAsync()
        {
            Asked++;
            return answer.Task;
        }

        public Task<CreatePoolOutcome> CreateAsync(PoolDefinition definition) => throw new NotSupportedException();
        public Task<ReserveOutcome> ReserveAsync(ReserveRequest request) => throw new NotSupportedException();
        public Task<ReserveOutcome?> AnswerIfSoldOutAsync(ReserveRequest request) => throw new NotSupportedException();
        public Task<CancelOutcome> CancelAsync(string reservationId, CancellationReason reason) => throw new NotSupportedException();
        public Task<ChangePoolOutcome> ChangeAsync(PoolChangeRequest change) => throw new NotSupportedException();
        public Task<SlotPoolSnapshot?> GetSnapshotAsync() => throw new NotSupportedException();
        public Task<Reservation?> GetReservationAsync(string reservationId) => throw new NotSupportedException();
        public Task<IReadOnlyList<Reservation>?> ListReservationsAsync() => throw new NotSupportedException();
        public Task<ReservationStatusOutcome> ChangeReservationStatusAsync(string reservationId, ReservationStatus status) => throw new NotSupportedException();
        public Task<CallNextOutcome> CallNextAsync() => throw new NotSupportedException();
        public Task<StopClinicOutcome> StopClinicAsync(string reason) => throw new NotSupportedException();
        public Task<PayHoldOutcome> PayHoldAsync(string reservationId, long amountFen) => throw new NotSupportedException();
        public Task<IReadOnlyList<Reservation>> ExpireDueHoldsAsync() => throw new NotSupportedException();
        public Task<WithdrawNoShowOutcome> WithdrawNoShowAsync(string reservationId) => throw new NotSupportedException();
        public Task<NoShowSweepOutcome> SweepNoShowsAsync(TimeSpan grace) => throw new NotSupportedException();
    }
}
