using OrleansBooking.LoadTests.Service.Transport;

namespace OrleansBooking.LoadTests.Service;

/// <summary>A sold-out pool's waitlist, as the patient's app uses it.</summary>
public sealed partial class BookingServiceClient
{
    public Task<ServiceCall<WaitlistPlace>> JoinWaitlistAsync(string poolId, string patientId, BearerToken? patient, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Post, WaitlistRoute(poolId), patient,
            JsonBody: Json(new JoinWaitlistRequest(patientId), WaitlistJson.Default.JoinWaitlistRequest)), WaitlistJson.Default.WaitlistPlace, ct);

    public Task<ServiceCall<WaitlistPlace>> GetWaitlistPlaceAsync(string poolId, string patientId, BearerToken? patient, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Get, WaitlistRoute(poolId, patientId), patient), WaitlistJson.Default.WaitlistPlace, ct);

    /// <summary>Takes the offered number: answered as a booking is, and idempotent on <paramref name="idempotencyKey"/>.</summary>
    public Task<ServiceCall<Reservation>> AcceptOfferAsync(string poolId, string patientId, BearerToken? patient, string idempotencyKey, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Post, WaitlistRoute(poolId, patientId) + "/accept", patient, idempotencyKey), BookingJson.Default.Reservation, ct);

    public Task<ServiceCall<WaitlistLeft>> DeclineOfferAsync(string poolId, string patientId, BearerToken? patient, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Post, WaitlistRoute(poolId, patientId) + "/decline", patient), WaitlistJson.Default.WaitlistLeft, ct);

    private static string WaitlistRoute(string poolId, string? patientId = null) =>
        $"api/pools/{Uri.EscapeDataString(poolId)}/waitlist" + (patientId is null ? "" : "/" + Uri.EscapeDataString(patientId));
}
