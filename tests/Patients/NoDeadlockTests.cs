using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;
using static OrleansBooking.Tests.Patients.PatientHarness;

namespace OrleansBooking.Tests.Patients;

/// <summary>
/// A patient waits on pools while the hospital changes the patient's other reservations: nothing
/// may wait for the patient's turn to end (it would deadlock until the call timeout).
/// </summary>
public sealed class NoDeadlockTests
{
    [Fact]
    public async Task ACancellationNoticeReachesAPatientWhoseReservationIsWaitingOnAPoolWrite()
    {
        await using var harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        await harness.OpenPoolAsync("a", Monday, "dept-a");
        await harness.OpenPoolAsync("b", Monday, "dept-b");
        var held = await harness.ReserveOkAsync("pt-1", "a");
        Assert.IsType<CancelOutcome.Cancelled>(await harness.Pools.GetSlotPool("a").CancelAsync(held.ReservationId, CancellationReason.AdminAction));

        harness.PoolStorage.HoldWrites();
        var reserving = harness.ReserveAsync("pt-1", "b");
        await harness.PoolStorage.WritesAtGate.WaitAsync();

        // The patient's turn is inside the pool call, waiting for pool b's write. The notice must not wait for it.
        await harness.Patient("pt-1").ReservationCancelledAsync(held.ReservationId);
        Assert.False(reserving.IsCompleted, "The reservation in pool b was answered before its write committed.");

        harness.PoolStorage.ReleaseWrites();
        var decided = Assert.IsType<PatientReserveOutcome.Decided>(await reserving);
        Assert.IsType<ReserveOutcome.Reserved>(decided.Pool);
    }

    [Fact]
    public async Task StoppingAClinicWhileItsPatientWaitsOnAnotherPoolAnswersBoth()
    {
        await using var harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        await harness.OpenPoolAsync("a", Monday, "dept-a");
        await harness.OpenPoolAsync("b", Monday, "dept-b");
        await harness.ReserveOkAsync("pt-1", "a");

        harness.PoolStorage.HoldWrites();
        var reserving = harness.ReserveAsync("pt-1", "b");
        await harness.PoolStorage.WritesAtGate.WaitAsync();
        // Pool a is another grain: its stop-clinic needs nothing of the waiting patient.
        var stopping = harness.Pools.GetSlotPool("a").StopClinicAsync("Dr. A is ill");
        harness.PoolStorage.ReleaseWrites();

        var stopped = Assert.IsType<StopClinicOutcome.Stopped>(await stopping);
        Assert.Single(stopped.Cancelled);
        Assert.IsType<ReserveOutcome.Reserved>(Assert.IsType<PatientReserveOutcome.Decided>(await reserving).Pool);
    }
}
