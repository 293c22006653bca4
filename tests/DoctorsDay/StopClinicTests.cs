using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.SlotPools;
using static OrleansBooking.Tests.DoctorsDay.StatusFlowTests;

namespace OrleansBooking.Tests.DoctorsDay;

public sealed class StopClinicTests
{
    [Fact]
    public async Task StoppingAClinicCancelsEveryHeldNumberAndQueuesOneNoticePerPatientInTheSameBatch()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var held = new[] { await Reserve(pool, "patient-1"), await Reserve(pool, "patient-2"), await Reserve(pool, "patient-3") };
        Assert.IsType<CancelOutcome.Cancelled>(await pool.CancelAsync(held[1].ReservationId, CancellationReason.PatientRequest));
        var batchesBefore = harness.Storage.CommittedBatchSizes.Count;

        var outcome = await pool.StopClinicAsync("Dr. Li is ill");

        var stopped = Assert.IsType<StopClinicOutcome.Stopped>(outcome);
        Assert.Equal(PoolStatus.Cancelled, stopped.Pool.StoredStatus);
        Assert.Equal(0, stopped.Pool.Booked);
        Assert.Equal([held[0].ReservationId, held[2].ReservationId], stopped.Cancelled.Select(r => r.ReservationId));
        Assert.All(stopped.Cancelled, r => Assert.Equal(CancellationReason.DoctorUnavailable, r.CancellationReason));

        var committed = harness.Storage.CommittedChanges(pool.GetPrimaryKeyString());
        var notices = committed.OfType<ClinicStopNoticeQueued>().Select(q => q.Notice).ToList();
        Assert.Equal(["patient-1", "patient-3"], notices.Select(n => n.PatientId));
        Assert.All(notices, n => Assert.Equal("Dr. Li is ill", n.Reason));
        Assert.Equal([1, 3], notices.Select(n => n.SequenceNumber));
        Assert.Equal(2, notices.Select(n => n.NotificationId).Distinct().Count());
        // One turn, one batch: 2 cancellations, 2 notices, the status change.
        Assert.Equal([5], harness.Storage.CommittedBatchSizes.Skip(batchesBefore));
    }

    [Fact]
    public async Task CancellingThroughPatchQueuesNoticesToo()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        await Reserve(pool, "patient-1");

        Assert.IsType<ChangePoolOutcome.Changed>(await pool.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Cancelled)));

        var notice = Assert.Single(harness.Storage.CommittedChanges(pool.GetPrimaryKeyString()).OfType<ClinicStopNoticeQueued>()).Notice;
        Assert.Equal("patient-1", notice.PatientId);
        Assert.Null(notice.Reason);
        Assert.Equal("dr-li", notice.DoctorId);
    }

    [Fact]
    public async Task AStoppedClinicCannotBeStoppedAgainAndNobodyIsToldTwice()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        await Reserve(pool, "patient-1");
        await pool.StopClinicAsync("ill");

        var again = await pool.StopClinicAsync("still ill");

        Assert.IsType<StopClinicOutcome.AlreadyStopped>(again);
        Assert.Single(harness.Storage.CommittedChanges(pool.GetPrimaryKeyString()).OfType<ClinicStopNoticeQueued>());
    }

    [Fact]
    public async Task StoppingAClinicThatDoesNotExistSaysSo()
    {
        await using var harness = await PoolHarness.StartAsync();

        Assert.IsType<StopClinicOutcome.PoolNotFound>(await harness.Pools.GetSlotPool("nowhere").StopClinicAsync("ill"));
    }
}
