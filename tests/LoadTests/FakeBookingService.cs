using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>
/// An in-memory stand-in for the booking service's HTTP contract, as an HttpMessageHandler, so
/// the whole rush pipeline (provisioning, patients, retries, verification, reports) can be
/// tested in-process without a silo. Faults can be injected to prove the verifier sees them.
/// Like the real service it wants tokens (<see cref="FakeAccounts"/>): an admin's for the hospital's
/// side, the patient's own for booking and cancelling; only browsing and health go without.
/// </summary>
public sealed class FakeBookingService : HttpMessageHandler
{
    private readonly Dictionary<string, Pool> _pools = new();
    private readonly Dictionary<string, JsonObject> _byKey = new();
    private readonly Dictionary<string, (Pool Pool, JsonObject Reservation)> _byId = new();
    private readonly object _gate = new();
    private int _nextId;
    private int _requests;

    /// <summary>
    /// True (default): tokens are required, as by today's service. False: a service from before
    /// accounts, which takes any caller, has no sign-in route and (unless <see cref="RequireRegisteredPatients"/>)
    /// no bulk registration either.
    /// </summary>
    public bool SignInRequired { get; init; } = true;

    public FakeAccounts Accounts { get; init; } = new();

    /// <summary>Refuse reservations for patients not registered through the bulk route, as the real service does.</summary>
    public bool RequireRegisteredPatients { get; init; }

    /// <summary>Patient sign-ins the service had seen when the first reservation attempt arrived (null: none arrived).</summary>
    public int? PatientSignInsBeforeFirstReservation { get; private set; }

    /// <summary>Patients registered through <c>POST /api/admin/patients/bulk</c>.</summary>
    public HashSet<string> Patients { get; } = [];

    /// <summary>The service's clock, which decides whether a pool is released. Default: the real one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Answer this many of the first reservation attempts with 503 overloaded.</summary>
    public int OverloadFirst { get; init; }
    /// <summary>Let each pool take this many reservations beyond its quota: an oversell.</summary>
    public int OversellBy { get; init; }
    /// <summary>Forget every n-th reservation after acknowledging it: a lost write (0 = never).</summary>
    public int LoseEvery { get; init; }

    public int ReservationRequests => _requests;

    /// <summary>Serve <c>/metrics</c> as the silo does: a working set of 1 MB per pool and patient "active" (created or booked so far).</summary>
    public bool ExportsMemory { get; init; }

    private HttpResponseMessage Metrics()
    {
        int pools = _pools.Count;
        int patients = _pools.Values.SelectMany(p => p.Reservations).Select(r => r["patientId"]!.GetValue<string>()).Distinct().Count();
        var text = $$"""
            dotnet_process_memory_working_set_bytes{otel_scope_name="System.Runtime"} {{(long)(pools + patients) << 20}}
            orleans_catalog_activations{otel_scope_name="Microsoft.Orleans",grain_type="slotpool"} {{pools}}
            orleans_catalog_activations{otel_scope_name="Microsoft.Orleans",grain_type="patient"} {{patients}}

            """;
        return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(text) };
    }

    /// <summary>The Idempotency-Key of every reservation request, in arrival order.</summary>
    public List<string?> IdempotencyKeys { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        string path = request.RequestUri!.AbsolutePath.Trim('/');
        string[] parts = path.Split('/');
        string? body = request.Content?.ReadAsStringAsync(ct).GetAwaiter().GetResult();
        lock (_gate)
        {
            return Task.FromResult((request.Method.Method, parts) switch
            {
                ("GET", ["health", "live"]) => Json(200, new JsonObject { ["status"] = "live" }),
                ("GET", ["metrics"]) when ExportsMemory => Metrics(),
                ("POST", ["api", "auth", "sign-in"]) when SignInRequired => Accounts.SignIn(JsonNode.Parse(body!)!.AsObject()),
                ("POST", ["api", "auth", "refresh"]) when SignInRequired => Accounts.Refresh(JsonNode.Parse(body!)!.AsObject()),
                ("POST", ["api", "admin", "pools"]) => AsAdmin(request, () => CreatePool(JsonNode.Parse(body!)!.AsObject())),
                ("POST", ["api", "admin", "patients", "bulk"]) when SignInRequired || RequireRegisteredPatients =>
                    AsAdmin(request, () => RegisterPatients(JsonNode.Parse(body!)!.AsObject())),
                ("GET", ["api", "pools", var id]) => _pools.TryGetValue(id, out var p) ? Json(200, p.Snapshot()) : Problem(404, "pool_not_found"),
                ("GET", ["api", "pools", var id, "reservations"]) => AsAdmin(request, () => _pools.TryGetValue(id, out var p)
                    ? Json(200, new JsonArray(p.Reservations.Where(r => !p.Lost.Contains(r)).Select(r => (JsonNode)r.DeepClone()).ToArray()))
                    : Problem(404, "pool_not_found")),
                ("POST", ["api", "pools", var id, "reservations"]) => Reserve(id, JsonNode.Parse(body!)!["patientId"]!.GetValue<string>(),
                    request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.First() : null, Accounts.CallerOf(request)),
                ("DELETE", ["api", "reservations", var id]) => Cancel(id, Accounts.CallerOf(request)),
                _ => Problem(404, "not_found"),
            });
        }
    }

    /// <summary>The hospital's side: an admin's token, or (before accounts) anyone.</summary>
    private HttpResponseMessage AsAdmin(HttpRequestMessage request, Func<HttpResponseMessage> handle)
    {
        if (!SignInRequired) return handle();
        return Accounts.CallerOf(request) switch
        {
            null => Problem(401, "unauthenticated"),
            { Role: not "admin" } => Problem(403, "forbidden"),
            _ => handle(),
        };
    }

    private HttpResponseMessage CreatePool(JsonObject request)
    {
        string id = request["poolId"]!.GetValue<string>();
        if (_pools.ContainsKey(id)) return Problem(409, "pool_exists");
        var pool = new Pool(id, request["quota"]!.GetValue<int>(), request["releaseAt"]!.GetValue<DateTimeOffset>());
        _pools[id] = pool;
        return Json(201, pool.Snapshot());
    }

    private HttpResponseMessage RegisterPatients(JsonObject request)
    {
        string prefix = request["patientIdPrefix"]!.GetValue<string>();
        int first = request["first"]?.GetValue<int>() ?? 0, count = request["count"]!.GetValue<int>();
        int registered = Enumerable.Range(first, count).Count(n => Patients.Add(prefix + n));
        var answer = new JsonObject { ["requested"] = count, ["registered"] = registered, ["existing"] = count - registered };
        // A service from before accounts knows no password and says nothing about accounts.
        if (SignInRequired)
            answer["accountsCreated"] = request["password"]?.GetValue<string>() is { } password
                ? Accounts.AddPatients(Enumerable.Range(first, count).Select(n => prefix + n), password)
                : 0;
        return Json(200, answer);
    }

    private HttpResponseMessage Reserve(string poolId, string patientId, string? key, FakeCaller? caller)
    {
        PatientSignInsBeforeFirstReservation ??= Accounts.PatientSignIns;
        if (SignInRequired)
        {
            if (caller is null) return Problem(401, "unauthenticated");
            if (caller.Role != "patient") return Problem(403, "forbidden");
            // Another account's patient is not found, so nobody learns which patient ids exist.
            if (caller.AccountId != patientId) return Problem(404, "patient_not_found");
        }
        IdempotencyKeys.Add(key);
        if (++_requests <= OverloadFirst)
        {
            var busy = Problem(503, "overloaded");
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(1));
            return busy;
        }
        if (key is not null && _byKey.TryGetValue(key, out var earlier)) return Json(201, earlier.DeepClone());
        if (!_pools.TryGetValue(poolId, out var pool)) return Problem(404, "pool_not_found");
        if (RequireRegisteredPatients && !Patients.Contains(patientId)) return Problem(404, "patient_not_found");
        if (Clock.GetUtcNow() < pool.ReleaseAt)
        {
            var early = Problem(409, "not_released");
            early.Content = new StringContent(new JsonObject { ["status"] = 409, ["code"] = "not_released", ["releaseAt"] = pool.ReleaseAt.ToString("O") }.ToJsonString(),
                Encoding.UTF8, "application/problem+json");
            return early;
        }
        if (pool.Active.Any(r => r["patientId"]!.GetValue<string>() == patientId)) return Problem(409, "already_booked");
        if (pool.Active.Count() >= pool.Quota + OversellBy) return Problem(409, "sold_out");
        int number = Enumerable.Range(1, pool.Quota + OversellBy).First(n => pool.Active.All(r => r["sequenceNumber"]!.GetValue<int>() != n));
        var reservation = new JsonObject
        {
            ["reservationId"] = $"res-{++_nextId}",
            ["poolId"] = poolId,
            ["patientId"] = patientId,
            ["sequenceNumber"] = number,
            ["visitTime"] = "2026-12-08T08:00:00+08:00",
            ["status"] = "booked",
            ["createdAt"] = DateTimeOffset.UtcNow,
        };
        pool.Reservations.Add(reservation);
        if (LoseEvery > 0 && _nextId % LoseEvery == 0) pool.Lost.Add(reservation);
        _byId[reservation["reservationId"]!.GetValue<string>()] = (pool, reservation);
        if (key is not null) _byKey[key] = reservation;
        return Json(201, reservation.DeepClone());
    }

    private HttpResponseMessage Cancel(string reservationId, FakeCaller? caller)
    {
        if (SignInRequired && caller is null) return Problem(401, "unauthenticated");
        if (!_byId.TryGetValue(reservationId, out var found)) return Problem(404, "reservation_not_found");
        if (SignInRequired && caller!.Role != "admin" && caller.AccountId != found.Reservation["patientId"]!.GetValue<string>())
            return Problem(404, "reservation_not_found");
        found.Reservation["status"] = "cancelled";
        return Json(200, found.Reservation.DeepClone());
    }

    internal static HttpResponseMessage Json(int status, JsonNode body) => new((HttpStatusCode)status)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };

    internal static HttpResponseMessage Problem(int status, string code)
    {
        var response = Json(status, new JsonObject { ["status"] = status, ["title"] = code, ["code"] = code });
        response.Content.Headers.ContentType = new("application/problem+json");
        return response;
    }

    private sealed class Pool(string id, int quota, DateTimeOffset releaseAt)
    {
        public int Quota { get; } = quota;
        public DateTimeOffset ReleaseAt { get; } = releaseAt;
        public List<JsonObject> Reservations { get; } = [];
        public HashSet<JsonObject> Lost { get; } = [];
        public IEnumerable<JsonObject> Active => Reservations.Where(r => r["status"]!.GetValue<string>() == "booked" && !Lost.Contains(r));

        public JsonObject Snapshot()
        {
            int booked = Active.Count();
            return new JsonObject
            {
                ["poolId"] = id, ["doctorId"] = "dr", ["date"] = "2026-12-08", ["session"] = "morning", ["startTime"] = "08:00",
                ["minutesPerNumber"] = 5, ["quota"] = Quota, ["booked"] = booked, ["remaining"] = Math.Max(0, Quota - booked),
                ["releaseAt"] = ReleaseAt.ToString("O"), ["status"] = "open", ["fee"] = 50,
            };
        }
    }
}
