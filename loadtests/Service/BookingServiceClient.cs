using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Service;

/// <summary>
/// The booking service's HTTP routes as typed calls. Every call returns an outcome value, never
/// throws for what the service or network did: a load test must count failures, not crash on them.
/// A call that needs a signed-in caller takes that caller's token; only public browsing, health
/// and the sign-in routes themselves go without one.
/// </summary>
public sealed partial class BookingServiceClient
{
    private readonly HttpClient _http;

    public BookingServiceClient(HttpClient http) => _http = http;

    public Uri? BaseAddress => _http.BaseAddress;

    /// <param name="patient">The token of the patient account that manages <paramref name="patientId"/>; null for a service without accounts.</param>
    public Task<ServiceCall<Reservation>> ReserveAsync(string poolId, string patientId, BearerToken? patient, string idempotencyKey, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/pools/{Uri.EscapeDataString(poolId)}/reservations")
        {
            Content = JsonBody(new ReservationRequest(patientId), BookingJson.Default.ReservationRequest),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return SendAsync(request, patient, BookingJson.Default.Reservation, ct);
    }

    /// <summary>Public browsing: no token.</summary>
    public Task<ServiceCall<PoolSnapshot>> GetPoolAsync(string poolId, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/pools/{Uri.EscapeDataString(poolId)}"), null, BookingJson.Default.PoolSnapshot, ct);

    /// <summary>A doctor's or an admin's view of a pool: every reservation, all statuses.</summary>
    public Task<ServiceCall<List<Reservation>>> ListReservationsAsync(string poolId, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/pools/{Uri.EscapeDataString(poolId)}/reservations"), admin,
            BookingJson.Default.ListReservation, ct);

    public Task<ServiceCall<Reservation>> GetReservationAsync(string reservationId, BearerToken? caller, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/reservations/{Uri.EscapeDataString(reservationId)}"), caller,
            BookingJson.Default.Reservation, ct);

    public Task<ServiceCall<Reservation>> CancelAsync(string reservationId, BearerToken? patient, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"api/reservations/{Uri.EscapeDataString(reservationId)}"), patient,
            BookingJson.Default.Reservation, ct);

    public Task<ServiceCall<PoolSnapshot>> CreatePoolAsync(NewPool pool, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/admin/pools") { Content = JsonBody(pool, BookingJson.Default.NewPool) },
            admin, BookingJson.Default.PoolSnapshot, ct);

    public Task<ServiceCall<PoolSnapshot>> ChangePoolAsync(string poolId, PoolChange change, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"api/admin/pools/{Uri.EscapeDataString(poolId)}")
        {
            Content = JsonBody(change, BookingJson.Default.PoolChange),
        }, admin, BookingJson.Default.PoolSnapshot, ct);

    public Task<ServiceCall<BulkRegistration>> RegisterPatientsAsync(BulkPatients patients, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/admin/patients/bulk") { Content = JsonBody(patients, BookingJson.Default.BulkPatients) },
            admin, BookingJson.Default.BulkRegistration, ct);

    public Task<ServiceCall<SignInResponse>> SignInAsync(string login, string password, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/auth/sign-in")
        {
            Content = JsonBody(new SignInRequest(login, password), BookingJson.Default.SignInRequest),
        }, null, BookingJson.Default.SignInResponse, ct);

    public Task<ServiceCall<SignInResponse>> RefreshAsync(string refreshToken, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/auth/refresh")
        {
            Content = JsonBody(new RefreshRequest(refreshToken), BookingJson.Default.RefreshRequest),
        }, null, BookingJson.Default.SignInResponse, ct);

    /// <summary>A GET whose body is read and discarded: health checks and the HTTP ceiling.</summary>
    public async Task<RequestOutcome> ProbeAsync(string path, CancellationToken ct)
    {
        var call = await SendAsync<Problem>(new HttpRequestMessage(HttpMethod.Get, path), caller: null, typeInfo: null, ct).ConfigureAwait(false);
        return call.Outcome;
    }

    private async Task<ServiceCall<T>> SendAsync<T>(HttpRequestMessage request, BearerToken? caller, JsonTypeInfo<T>? typeInfo, CancellationToken ct)
        where T : class
    {
        // Unvalidated: the value was built once, and parsing it again per request would cost the generator CPU the service needs.
        if (caller is not null) request.Headers.TryAddWithoutValidation("Authorization", caller.HeaderValue);
        try
        {
            using (request)
            using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false))
            {
                int status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    T? body = null;
                    if (typeInfo is null)
                        await response.Content.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
                    else
                        body = await ReadAsync(response, typeInfo, ct).ConfigureAwait(false);
                    return new ServiceCall<T>(new RequestOutcome(status, RequestOutcome.NoCode), body);
                }
                var problem = await ReadAsync(response, BookingJson.Default.Problem, ct).ConfigureAwait(false);
                return new ServiceCall<T>(
                    new RequestOutcome(status, ProblemCodes.Intern(problem?.Code)),
                    Body: null,
                    RetryAfter: RetryAfterOf(response),
                    ReleaseAt: problem?.ReleaseAt);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout surfaces as a cancellation the caller did not ask for.
            return new ServiceCall<T>(new RequestOutcome(0, RequestOutcome.Timeout), null);
        }
        catch (HttpRequestException)
        {
            return new ServiceCall<T>(new RequestOutcome(0, RequestOutcome.TransportError), null);
        }
        catch (IOException)
        {
            return new ServiceCall<T>(new RequestOutcome(0, RequestOutcome.TransportError), null);
        }
    }

    private static async Task<TBody?> ReadAsync<TBody>(HttpResponseMessage response, JsonTypeInfo<TBody> typeInfo, CancellationToken ct)
        where TBody : class
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // A body we cannot read (e.g. a proxy's HTML error page) still has a status worth counting.
            return null;
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta;
        if (retryAfter?.Date is { } date) return date - DateTimeOffset.UtcNow;
        return null;
    }

    private static ByteArrayContent JsonBody<TBody>(TBody body, JsonTypeInfo<TBody> typeInfo)
    {
        // Bytes with a known length: a streamed JsonContent would be sent chunked, which costs the server more.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
