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
}
