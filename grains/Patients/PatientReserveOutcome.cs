using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>Every answer a patient's reservation attempt can get: the patient grain's own refusals, or the pool's answer.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.PatientReserveOutcome")]
public abstract record PatientReserveOutcome
{
    /// <summary>The patient passed every check; this is what the pool decided.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientReserveOutcome.Decided")]
    public sealed record Decided(ReserveOutcome Pool) : PatientReserveOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientReserveOutcome.PatientNotFound")]
    public sealed record PatientNotFound : PatientReserveOutcome;

    /// <summary>One more reservation would break <paramref name="Limit"/>, which allows <paramref name="Allowed"/>.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientReserveOutcome.LimitReached")]
    public sealed record LimitReached(LimitKind Limit, int Allowed) : PatientReserveOutcome;

    /// <summary>Booking is suspended (no-shows) until <paramref name="Until"/>.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientReserveOutcome.Suspended")]
    public sealed record Suspended(DateTimeOffset Until) : PatientReserveOutcome;
}
