using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Service.Transport;

namespace OrleansBooking.LoadTests.Service;

/// <summary>A pool that draws: entering in its window, the audit of its draw, and an account's own entries.</summary>
public sealed partial class BookingServiceClient
{
    /// <summary>
    /// The booking request, read as a pool that draws answers it: <c>202</c> an entry in the window,
    /// <c>201</c> a reservation after it (first come, first served for the numbers the draw left).
    /// </summary>
    public async Task<ServiceCall<ReservationOrEntry>> ReserveOrEnterAsync(
        string poolId, string patientId, BearerToken? patient, string idempotencyKey, CancellationToken ct)
    {
        using var response = await _transport.SendAsync(ReserveRequest(poolId, patientId, patient, idempotencyKey), ct).ConfigureAwait(false);
        if (response.Status == 202)
            return new ServiceCall<ReservationOrEntry>(new RequestOutcome(202, RequestOutcome.NoCode),
                Read(response.Body, LotteryJson.Default.DrawEntry) is { } entry ? new ReservationOrEntry(null, entry) : null);
        var call = Interpret(response, BookingJson.Default.Reservation);
        return new ServiceCall<ReservationOrEntry>(call.Outcome, call.Body is { } reservation ? new ReservationOrEntry(reservation, null) : null,
            call.RetryAfter, call.ReleaseAt);
    }

    public Task<ServiceCall<DrawAudit>> GetDrawAuditAsync(string poolId, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Get, $"api/admin/pools/{Uri.EscapeDataString(poolId)}/lottery", admin), LotteryJson.Default.DrawAudit, ct);

    public Task<ServiceCall<AccountDrawEntries>> ListDrawEntriesAsync(BearerToken? patient, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Get, "api/account/lottery-entries", patient), LotteryJson.Default.AccountDrawEntries, ct);
}
