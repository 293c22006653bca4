using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.Tests.LoadTests;

public class BookingVerifierTests
{
    private const string Pool = "pool-1";

    private static PoolSnapshot Snapshot(int quota, int booked) =>
        new(Pool, "dr-1", "2026-12-08", "morning", quota, booked, quota - booked, DateTimeOffset.UnixEpoch, "open");

    private static Reservation Booked(int number, string patient) => new($"r{number}-{patient}", Pool, patient, number, Reservation.Booked);

    private static (List<Reservation> Stored, AcknowledgementLedger Ledger) HealthyRun()
    {
        var stored = new List<Reservation> { Booked(1, "ann"), Booked(2, "bob"), Booked(3, "cai") };
        var ledger = new AcknowledgementLedger();
        foreach (var r in stored) ledger.Acknowledge(new Acknowledgement($"key-{r.PatientId}", r.ReservationId, Pool, r.PatientId, r.SequenceNumber));
        return (stored, ledger);
    }

    private static VerificationReport Verify(PoolSnapshot snapshot, List<Reservation> stored, AcknowledgementLedger ledger, int? limit = null) =>
        BookingVerifier.Verify([new PoolReadback(Pool, snapshot, stored)], ledger, limit);

    private static void AssertOnly(ViolationKind expected, VerificationReport report)
    {
        Assert.False(report.Passed, $"expected a {expected} violation, the run passed");
        var kinds = report.Violations.Select(v => v.Kind).Distinct().ToList();
        Assert.True(kinds.SequenceEqual([expected]), $"expected only {expected}, found: {string.Join("; ", report.Violations)}");
    }

    [Fact]
    public void AHealthyRunPasses()
    {
        var (stored, ledger) = HealthyRun();

        var report = Verify(Snapshot(quota: 3, booked: 3), stored, ledger);

        Assert.True(report.Passed, string.Join("; ", report.Violations));
        Assert.Equal(3, report.ActiveReservations);
        Assert.Equal(3, report.Acknowledgements);
    }

    [Fact]
    public void AnInjectedOversellIsCaught()
    {
        var (stored, ledger) = HealthyRun();
        stored.Add(Booked(4, "dan"));

        var report = Verify(Snapshot(quota: 3, booked: 4), stored, ledger);

        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.PoolOverQuota && v.Detail.Contains("4 active reservations, quota 3"));
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.SequenceNumberOutOfRange);
    }

    [Fact]
    public void ALostAcknowledgementIsCaught()
    {
        var (stored, ledger) = HealthyRun();
        stored.RemoveAt(1); // the service said 201 to bob, then lost his reservation

        var report = Verify(Snapshot(quota: 3, booked: 2), stored, ledger);

        AssertOnly(ViolationKind.AcknowledgementMissing, report);
        Assert.Contains("bob", report.Violations[0].Detail);
    }

    [Fact]
    public void AnAcknowledgedReservationSilentlyCancelledIsCaught()
    {
        var (stored, ledger) = HealthyRun();
        stored[0] = stored[0] with { Status = Reservation.Cancelled };

        var report = Verify(Snapshot(quota: 3, booked: 2), stored, ledger);

        AssertOnly(ViolationKind.AcknowledgementMismatch, report);
    }

    [Fact]
    public void ACancellationThePatientAskedForIsNotAViolation()
    {
        var (stored, ledger) = HealthyRun();
        stored[0] = stored[0] with { Status = Reservation.Cancelled };
        ledger.CancellationRequested(stored[0].ReservationId);
        ledger.CancellationConfirmed(stored[0].ReservationId);

        var report = Verify(Snapshot(quota: 3, booked: 2), stored, ledger);

        Assert.True(report.Passed, string.Join("; ", report.Violations));
    }

    [Fact]
    public void AConfirmedCancellationThatDidNotHappenIsCaught()
    {
        var (stored, ledger) = HealthyRun();
        ledger.CancellationRequested(stored[0].ReservationId);
        ledger.CancellationConfirmed(stored[0].ReservationId);

        var report = Verify(Snapshot(quota: 3, booked: 3), stored, ledger);

        AssertOnly(ViolationKind.AcknowledgementMismatch, report);
    }

    [Fact]
    public void AnAcknowledgementThatDiffersFromTheStoredReservationIsCaught()
    {
        var (stored, ledger) = HealthyRun();
        stored[2] = stored[2] with { SequenceNumber = 3, PatientId = "eve" };

        var report = Verify(Snapshot(quota: 3, booked: 3), stored, ledger);

        AssertOnly(ViolationKind.AcknowledgementMismatch, report);
    }

    [Fact]
    public void APatientTwiceInOnePoolIsCaught()
    {
        var (stored, ledger) = HealthyRun();
        stored.Add(Booked(4, "ann"));

        var report = Verify(Snapshot(quota: 4, booked: 4), stored, ledger);

        AssertOnly(ViolationKind.PatientTwiceInPool, report);
    }

    [Fact]
    public void AReusedSequenceNumberIsCaught()
    {
        var (stored, ledger) = HealthyRun();
        stored.Add(new Reservation("r-extra", Pool, "dan", 2, Reservation.Booked));

        var report = Verify(Snapshot(quota: 4, booked: 4), stored, ledger);

        AssertOnly(ViolationKind.SequenceNumberReused, report);
    }

    [Fact]
    public void ACancelledNumberMayBeGivenToSomeoneElse()
    {
        var (stored, ledger) = HealthyRun();
        stored[1] = stored[1] with { Status = Reservation.Cancelled };
        ledger.CancellationRequested(stored[1].ReservationId);
        stored.Add(new Reservation("r-again", Pool, "dan", 2, Reservation.Booked));

        var report = Verify(Snapshot(quota: 3, booked: 3), stored, ledger);

        Assert.True(report.Passed, string.Join("; ", report.Violations));
    }

    [Fact]
    public void ABookedCountThatDisagreesWithTheListIsCaught()
    {
        var (stored, ledger) = HealthyRun();

        var report = Verify(Snapshot(quota: 5, booked: 2), stored, ledger);

        AssertOnly(ViolationKind.BookedCountMismatch, report);
    }

    [Fact]
    public void OneIdempotencyKeyAnsweredWithTwoReservationsIsCaught()
    {
        var (stored, ledger) = HealthyRun();
        ledger.Acknowledge(new Acknowledgement("key-ann", "r-other", Pool, "ann", 1));

        var report = Verify(Snapshot(quota: 3, booked: 3), stored, ledger);

        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.IdempotencyKeyReused);
    }

    [Fact]
    public void TheSameReservationAcknowledgedTwiceForOneKeyIsFine()
    {
        var (stored, ledger) = HealthyRun();
        ledger.Acknowledge(new Acknowledgement("key-ann", stored[0].ReservationId, Pool, "ann", 1));

        Assert.True(Verify(Snapshot(quota: 3, booked: 3), stored, ledger).Passed);
    }

    [Fact]
    public void APatientOverTheDailyLimitAcrossPoolsIsCaught()
    {
        var ledger = new AcknowledgementLedger();
        var morning = new PoolReadback("am", Snapshot(3, 1) with { PoolId = "am" }, [new Reservation("r1", "am", "ann", 1, Reservation.Booked)]);
        var evening = new PoolReadback("pm", Snapshot(3, 1) with { PoolId = "pm" }, [new Reservation("r2", "pm", "ann", 1, Reservation.Booked)]);

        var report = BookingVerifier.Verify([morning, evening], ledger, patientDailyLimit: 1);

        AssertOnly(ViolationKind.PatientLimitExceeded, report);
    }

    [Fact]
    public void AnUnreadablePoolFailsTheRun()
    {
        var report = BookingVerifier.Verify([new PoolReadback(Pool, null, null)], new AcknowledgementLedger());

        AssertOnly(ViolationKind.PoolUnreadable, report);
    }
}
