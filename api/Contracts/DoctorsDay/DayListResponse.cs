using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>
/// One session as the doctor's desk sees it: the pool, its reservations in number order, and how
/// many patients are at each stage. <see cref="PatientNames"/> maps each listed patient id to the
/// patient's masked name (<c>张*</c>), for calling the patient in.
/// </summary>
public sealed record DayListResponse(
    PoolResponse Pool,
    int Booked,
    int Waiting,
    int InConsultation,
    int Completed,
    int NoShows,
    IReadOnlyList<ReservationResponse> Reservations,
    IReadOnlyDictionary<string, string> PatientNames)
{
    /// <summary>Counts over every reservation; <paramref name="includeCancelled"/> decides only which are listed.</summary>
    public static DayListResponse From(
        SlotPoolSnapshot pool, IReadOnlyList<Reservation> reservations, bool includeCancelled, HospitalTime time,
        IReadOnlyDictionary<string, string> patientNames) =>
        new(
            PoolResponse.From(pool, time),
            Booked: Count(reservations, ReservationStatus.Booked),
            Waiting: Count(reservations, ReservationStatus.CheckedIn),
            InConsultation: Count(reservations, ReservationStatus.InConsultation),
            Completed: Count(reservations, ReservationStatus.Completed),
            NoShows: Count(reservations, ReservationStatus.NoShow),
            Reservations: reservations
                .Where(r => includeCancelled || r.Status != ReservationStatus.Cancelled)
                .OrderBy(r => r.SequenceNumber)
                .ThenBy(r => r.CreatedAt)
                .Select(r => ReservationResponse.From(r, time))
                .ToList(),
            patientNames);

    private static int Count(IReadOnlyList<Reservation> reservations, ReservationStatus status) => reservations.Count(r => r.Status == status);
}
