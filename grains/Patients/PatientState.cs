using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// A patient as loaded: the profile (null while unregistered; kept when the managing account removed
/// the patient, with <see cref="Removed"/>, so no-shows still count), the no-show history and the latest
/// suspension — the durable part, changed only by <see cref="Apply"/> — plus the reservations and
/// undrawn entries the database held at load time, from which the grain builds its in-memory
/// <see cref="PatientBookings"/>.
/// </summary>
public sealed class PatientState : ICommittableState<PatientState, PatientChange>
{
    // Null until the first no-show: most patients never miss a visit, and both copies of the state would hold an empty list.
    private List<NoShow>? noShows;

    public PatientState(
        PatientProfile? profile, IEnumerable<NoShow> noShows, Suspension? suspension, StoredBookings bookings, bool removed = false)
    {
        Profile = profile;
        Removed = removed;
        List<NoShow> copied = [.. noShows];
        this.noShows = copied.Count > 0 ? copied : null;
        Suspension = suspension;
        LoadedBookings = bookings;
    }

    public static PatientState Unregistered() => new(null, [], null, StoredBookings.None);

    public PatientProfile? Profile { get; }

    /// <summary>No account manages the patient: they cannot book, but what they did still counts.</summary>
    public bool Removed { get; }

    public IReadOnlyList<NoShow> NoShows => noShows is null ? [] : noShows;

    public Suspension? Suspension { get; private set; }

    public StoredBookings LoadedBookings { get; }

    public PatientState Copy() => new(Profile, NoShows, Suspension, LoadedBookings, Removed);

    public bool HasNoShow(string reservationId) => noShows?.Exists(n => n.ReservationId == reservationId) ?? false;

    public NoShow? FindNoShow(string reservationId) => noShows?.Find(n => n.ReservationId == reservationId);

    /// <summary>No-shows that count toward a suspension decided at <paramref name="at"/>: inside the window, after the last suspension began.</summary>
    public int NoShowsCountingAt(DateTimeOffset at, TimeSpan window) =>
        NoShows.Count(n => n.At > at - window && n.At <= at && (Suspension is null || n.At > Suspension.From));

    public void Apply(PatientChange change)
    {
        switch (change)
        {
            case NoShowRecorded recorded:
                (noShows ??= []).Add(new NoShow(recorded.ReservationId, recorded.At));
                break;
            case NoShowWithdrawn withdrawn:
                noShows?.RemoveAll(n => n.ReservationId == withdrawn.ReservationId);
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
