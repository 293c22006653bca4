using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// A patient as loaded: the profile (null while unregistered), the no-show history and the latest
/// suspension — the durable part, changed only by <see cref="Apply"/> — plus the reservations the
/// database held at load time, from which the grain builds its in-memory <see cref="PatientBookings"/>.
/// </summary>
public sealed class PatientState : ICommittableState<PatientState, PatientChange>
{
    private readonly List<NoShow> noShows;

    public PatientState(PatientProfile? profile, IEnumerable<NoShow> noShows, Suspension? suspension, IReadOnlyList<BookedVisit> bookings)
    {
        Profile = profile;
        this.noShows = [.. noShows];
        Suspension = suspension;
        LoadedBookings = bookings;
    }

    public static PatientState Unregistered() => new(null, [], null, []);

    public PatientProfile? Profile { get; }

    public IReadOnlyList<NoShow> NoShows => noShows;

    public Suspension? Suspension { get; private set; }

    public IReadOnlyList<BookedVisit> LoadedBookings { get; }

    public PatientState Copy() => new(Profile, noShows, Suspension, LoadedBookings);

    public bool HasNoShow(string reservationId) => noShows.Exists(n => n.ReservationId == reservationId);

    public NoShow? FindNoShow(string reservationId) => noShows.Find(n => n.ReservationId == reservationId);

    /// <summary>No-shows that count toward a suspension decided at <paramref name="at"/>: inside the window, after the last suspension began.</summary>
    public int NoShowsCountingAt(DateTimeOffset at, TimeSpan window) =>
        noShows.Count(n => n.At > at - window && n.At <= at && (Suspension is null || n.At > Suspension.From));

    public void Apply(PatientChange change)
    {
        switch (change)
        {
            case NoShowRecorded recorded:
                noShows.Add(new NoShow(recorded.ReservationId, recorded.At));
                break;
            case NoShowWithdrawn withdrawn:
                noShows.RemoveAll(n => n.ReservationId == withdrawn.ReservationId);
                break;
            case BookingSuspended suspended:
                Suspension = new Suspension(suspended.From, suspended.Until);
                break;
            case SuspensionLifted lifted:
                if (Suspension is { } current) Suspension = current with { Until = lifted.At };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown patient change.");
        }
    }
}
