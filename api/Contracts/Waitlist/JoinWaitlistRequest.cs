using System.ComponentModel;

namespace OrleansBooking.Api.Contracts.Waitlist;

/// <summary>Body of <c>POST /api/pools/{poolId}/waitlist</c>.</summary>
public sealed record JoinWaitlistRequest(
    [property: Description("One of the signed-in account's patients (1–64 chars of [A-Za-z0-9_.:-]); may be left out when the account manages exactly one.")] string? PatientId);
