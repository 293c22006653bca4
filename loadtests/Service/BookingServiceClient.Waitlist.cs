namespace OrleansBooking.LoadTests.Service;

/// <summary>A sold-out pool's waitlist, as the patient's app uses it.</summary>
public sealed partial class BookingServiceClient
{
    public Task<ServiceCall<WaitlistPlace>> JoinWaitlistAsync(string poolId, string patientId, BearerToken? patient, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, WaitlistRoute(poolId))
        {
            Content = JsonBody(new JoinWaitlistRequest(patientId), WaitlistJson.Default.JoinWaitlistRequest),
        }, patient, WaitlistJson.Default.WaitlistPlace, ct);

    public Task<ServiceCall<WaitlistPlace>> GetWaitlistPlaceAsync(string poolId, string patientId, BearerToken? patient, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, WaitlistRoute(poolId, patientId)), patient, WaitlistJson.Default.WaitlistPlace, ct);

    /// <summary>Takes the offered number: answered as a booking is, and idempotent on <paramref name="idempotencyKey"/>.</summary>
    public Task<ServiceCall<Reservation>> AcceptOfferAsync(string poolId, string patientId, BearerToken? patient, string idempotencyKey, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WaitlistRoute(poolId, patientId) + "/accept");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return SendAsync(request, patient, BookingJson.Default.Reservation, ct);
    }

    public Task<ServiceCall<WaitlistLeft>> DeclineOfferAsync(string poolId, string patientId, BearerToken? patient, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, WaitlistRoute(poolId, patientId) + "/decline"), patient, WaitlistJson.Default.WaitlistLeft, ct);

    private static string WaitlistRoute(string poolId, string? patientId = null) =>
        $"api/pools/{Uri.EscapeDataString(poolId)}/waitlist" + (patientId is null ? "" : "/" + Uri.EscapeDataString(patientId));
}
