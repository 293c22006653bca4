using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Patients;

/// <summary>The in-memory ledger the limits are decided on.</summary>
public sealed class PatientBookingsTests
{
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly PatientLimits Limits = new();

    private static BookedVisit Visit(string id, DateOnly date, string? department = null, ReservationStatus status = ReservationStatus.Booked) =>
        new(id, "pool-" + id, date, department, null, status);

    [Fact]
    public void AHeldPlaceCountsUntilItIsReleased()
    {
        var bookings = new PatientBookings([Visit("r1", Monday)]);

        bookings.Hold("pool-2", new VisitDay(Monday, null));
        Assert.Equal(LimitKind.PerDay, bookings.Exceeded(new VisitDay(Monday, null), Limits));

        bookings.Release();
        Assert.Null(bookings.Exceeded(new VisitDay(Monday, null), Limits));
    }

    [Fact]
    public void OnlyOnePlaceIsEverHeld()
    {
        var bookings = new PatientBookings([]);
        bookings.Hold("pool-1", new VisitDay(Monday, null));

        Assert.Throws<InvalidOperationException>(() => bookings.Hold("pool-2", new VisitDay(Monday, null)));
    }

    [Theory]
    [InlineData(ReservationStatus.Cancelled, false)]
    [InlineData(ReservationStatus.Booked, true)]
    [InlineData(ReservationStatus.CheckedIn, true)]
    [InlineData(ReservationStatus.Completed, true)]
    [InlineData(ReservationStatus.NoShow, true)]
    public void EveryReservationButACancelledOneTakesAPlace(ReservationStatus status, bool counts)
    {
        var bookings = new PatientBookings([Visit("r1", Monday, "cardiology", status)]);

        var exceeded = bookings.Exceeded(new VisitDay(Monday, "cardiology"), Limits);

        Assert.Equal(counts ? LimitKind.DepartmentPerDay : null, exceeded);
    }

    [Fact]
    public void TheWeeklyLimitLooksAtEveryWindowThatHoldsTheNewDay()
    {
        // Visits on days 0, 1 and 6: a new one on day 3 makes four in days 0..6; on day 8 the
        // fullest window holding it (days 2..8) has two.
        var bookings = new PatientBookings([Visit("r1", Monday), Visit("r2", Monday.AddDays(1)), Visit("r3", Monday.AddDays(6))]);

        Assert.Equal(LimitKind.PerWeek, bookings.Exceeded(new VisitDay(Monday.AddDays(3), null), Limits));
        Assert.Null(bookings.Exceeded(new VisitDay(Monday.AddDays(8), null), Limits));
    }

    [Fact]
    public void ACancelledReservationIsStillKnownForRetries()
    {
        var bookings = new PatientBookings([new BookedVisit("r1", "pool-1", Monday, null, "key-1", ReservationStatus.Booked)]);

        bookings.MarkCancelled("r1");

        Assert.True(bookings.Made("pool-1", "key-1"));
        Assert.False(bookings.Holds("pool-1"));
        Assert.Null(bookings.Exceeded(new VisitDay(Monday, null), new PatientLimits { PerDay = 1 }));
    }

    [Fact]
    public void AStoredEntryCountsUntilItsDrawIsDue()
    {
        var drawAt = new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero);
        var cardiology = new VisitDay(Monday, "cardiology");
        var stored = new StoredBookings([], [new DrawEntryPlace("draw-a", cardiology, drawAt)]);

        var loadedBefore = PatientBookings.Load(stored, drawAt.AddSeconds(-1));
        var loadedAt = PatientBookings.Load(stored, drawAt);
        var readBefore = new PatientBookings([]).ReadBack(stored, drawAt.AddSeconds(-1));

        Assert.Equal(LimitKind.DepartmentPerDay, loadedBefore.Exceeded(cardiology, Limits));
        Assert.True(loadedBefore.IsEntered("draw-a", drawAt.AddSeconds(-1)), "Expected the stored entry to be the patient's entry in draw-a.");
        Assert.Equal(LimitKind.DepartmentPerDay, readBefore.Exceeded(cardiology, Limits));
        Assert.Null(loadedAt.Exceeded(cardiology, Limits));
    }

    [Fact]
    public void APlaceInDoubtCountsAcrossAReadThatDoesNotShowItsReservation()
    {
        var bookings = new PatientBookings([Visit("r1", Monday)]);
        bookings.Hold("pool-late", new VisitDay(Monday, null));
        bookings.Doubt("key-late");

        var reread = bookings.ReadBack(new StoredBookings([Visit("r1", Monday)], []), DateTimeOffset.UnixEpoch);

        Assert.True(reread.IsInDoubt("pool-late"));
        Assert.Equal(LimitKind.PerDay, reread.Exceeded(new VisitDay(Monday, null), Limits));
    }

    [Fact]
    public void APlaceInDoubtBecomesTheReservationAReadShows()
    {
        var bookings = new PatientBookings([]);
        bookings.Hold("pool-late", new VisitDay(Monday, null));
        bookings.Doubt("key-late");

        var reread = bookings.ReadBack(
            new StoredBookings([new BookedVisit("r2", "pool-late", Monday, null, "key-late", ReservationStatus.Booked)], []), DateTimeOffset.UnixEpoch);

        Assert.False(reread.HasPlacesInDoubt, "Expected the read to settle the place in doubt; it is still in doubt.");
        // Counted once, as the reservation: a second visit that day still fits the limit of 2.
        Assert.Null(reread.Exceeded(new VisitDay(Monday, null), Limits));
    }
}
