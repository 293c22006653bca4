using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>Every answer a patient's reservation attempt can get: the patient grain's own refusals, or the pool's answer.</summary>
public abstract record PatientReserveOutcome
{
    /// <summary>The patient passed every check; this is what the pool decided.</summary>
    public sealed record Decided(ReserveOutcome Pool) : PatientReserveOutcome;

    public sealed record PatientNotFound : PatientReserveOutcome;

    /// <summary>One more reservation would break <paramref name="Limit"/>, which allows <paramref name="Allowed"/>.</summary>
    public sealed record LimitReached(LimitKind Limit, int Allowed) : PatientReserveOutcome;

    /// <summary>Booking is suspended (no-shows) until <paramref name="Until"/>.</summary>
    public sealed record Suspended(DateTimeOffset Until) : PatientReserveOutcome;
}
