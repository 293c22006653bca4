using System.ComponentModel;

namespace OrleansBooking.Api.Contracts;

/// <summary>Body of <c>POST /api/pools/{poolId}/reservations</c>.</summary>
public sealed record CreateReservationRequest(
    [property: Description("1–64 chars of [A-Za-z0-9_.:-].")] string? PatientId);
