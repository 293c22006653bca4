using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Service.Transport;

namespace OrleansBooking.LoadTests.Service;

/// <summary>
/// The booking service's HTTP routes as typed calls. Every call returns an outcome value, never
/// throws for what the service or network did: a load test must count failures, not crash on them.
/// A call that needs a signed-in caller takes that caller's token; only public browsing, health
/// and the sign-in routes themselves go without one.
/// </summary>
public sealed partial class BookingServiceClient
{
    private static readonly HttpMethod Get = HttpMethod.Get, Post = HttpMethod.Post;

    private readonly IServiceTransport _transport;

    public BookingServiceClient(IServiceTransport transport) => _transport = transport;

    /// <summary>Through an HttpClient (not disposed here), e.g. an in-process test server's.</summary>
    public BookingServiceClient(HttpClient http) : this(new HttpClientTransport(http))
    {
    }

    public Uri BaseAddress => _transport.BaseAddress;

    /// <param name="patient">The token of the patient account that manages <paramref name="patientId"/>; null for a service without accounts.</param>
    public Task<ServiceCall<Reservation>> ReserveAsync(string poolId, string patientId, BearerToken? patient, string idempotencyKey, CancellationToken ct) =>
        SendAsync(ReserveRequest(poolId, patientId, patient, idempotencyKey), BookingJson.Default.Reservation, ct);

    private static ServiceRequest ReserveRequest(string poolId, string patientId, BearerToken? patient, string idempotencyKey) =>
        new(Post, $"api/pools/{Uri.EscapeDataString(poolId)}/reservations", patient, idempotencyKey,
            Json(new ReservationRequest(patientId), BookingJson.Default.ReservationRequest));

    /// <summary>Public browsing: no token.</summary>
    public Task<ServiceCall<PoolSnapshot>> GetPoolAsync(string poolId, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Get, $"api/pools/{Uri.EscapeDataString(poolId)}"), BookingJson.Default.PoolSnapshot, ct);

    /// <summary>A doctor's or an admin's view of a pool: every reservation, all statuses.</summary>
    public Task<ServiceCall<List<Reservation>>> ListReservationsAsync(string poolId, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Get, $"api/pools/{Uri.EscapeDataString(poolId)}/reservations", admin), BookingJson.Default.ListReservation, ct);

    public Task<ServiceCall<Reservation>> GetReservationAsync(string reservationId, BearerToken? caller, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Get, $"api/reservations/{Uri.EscapeDataString(reservationId)}", caller), BookingJson.Default.Reservation, ct);

    public Task<ServiceCall<Reservation>> CancelAsync(string reservationId, BearerToken? patient, CancellationToken ct) =>
        SendAsync(new ServiceRequest(HttpMethod.Delete, $"api/reservations/{Uri.EscapeDataString(reservationId)}", patient),
            BookingJson.Default.Reservation, ct);

    public Task<ServiceCall<PoolSnapshot>> CreatePoolAsync(NewPool pool, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Post, "api/admin/pools", admin, JsonBody: Json(pool, BookingJson.Default.NewPool)), BookingJson.Default.PoolSnapshot, ct);

    public Task<ServiceCall<PoolSnapshot>> ChangePoolAsync(string poolId, PoolChange change, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new ServiceRequest(HttpMethod.Patch, $"api/admin/pools/{Uri.EscapeDataString(poolId)}", admin,
            JsonBody: Json(change, BookingJson.Default.PoolChange)), BookingJson.Default.PoolSnapshot, ct);

    public Task<ServiceCall<BulkRegistration>> RegisterPatientsAsync(BulkPatients patients, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Post, "api/admin/patients/bulk", admin, JsonBody: Json(patients, BookingJson.Default.BulkPatients)),
            BookingJson.Default.BulkRegistration, ct);

    public Task<ServiceCall<SignInResponse>> SignInAsync(string login, string password, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Post, "api/auth/sign-in", JsonBody: Json(new SignInRequest(login, password), BookingJson.Default.SignInRequest)),
            BookingJson.Default.SignInResponse, ct);

    public Task<ServiceCall<SignInResponse>> RefreshAsync(string refreshToken, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Post, "api/auth/refresh", JsonBody: Json(new RefreshRequest(refreshToken), BookingJson.Default.RefreshRequest)),
            BookingJson.Default.SignInResponse, ct);

    /// <summary>A GET whose body is read and discarded: health checks and the HTTP ceiling.</summary>
    public async Task<RequestOutcome> ProbeAsync(string path, CancellationToken ct)
    {
        var call = await SendAsync<Problem>(new ServiceRequest(Get, path), typeInfo: null, ct).ConfigureAwait(false);
        return call.Outcome;
    }

    private async Task<ServiceCall<T>> SendAsync<T>(ServiceRequest request, JsonTypeInfo<T>? typeInfo, CancellationToken ct)
        where T : class
    {
        using var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
        return Interpret(response, typeInfo);
    }

    private static ServiceCall<T> Interpret<T>(in ServiceResponse response, JsonTypeInfo<T>? typeInfo)
        where T : class
    {
        int status = response.Status;
        if (status == 0) return new ServiceCall<T>(new RequestOutcome(0, response.Failure), null);
        if (status is >= 200 and < 300)
            return new ServiceCall<T>(new RequestOutcome(status, RequestOutcome.NoCode), typeInfo is null ? null : Read(response.Body, typeInfo));
        var problem = Read(response.Body, BookingJson.Default.Problem);
        return new ServiceCall<T>(new RequestOutcome(status, ProblemCodes.Intern(problem?.Code)), Body: null, response.RetryAfter, problem?.ReleaseAt);
    }

    private static TBody? Read<TBody>(ReadOnlySpan<byte> body, JsonTypeInfo<TBody> typeInfo)
        where TBody : class
    {
        if (body.IsEmpty) return null;
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            // A body we cannot read (e.g. a proxy's HTML error page) still has a status worth counting.
            return null;
        }
    }

    private static byte[] Json<TBody>(TBody body, JsonTypeInfo<TBody> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
}
