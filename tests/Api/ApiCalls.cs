using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrleansBooking.Tests.Api;

/// <summary>Small helpers that keep the API tests about behaviour rather than plumbing.</summary>
internal static class ApiCalls
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>A valid pool body: released an hour before the fixture's start, visits on 2026-12-02 from 08:00.</summary>
    public static Dictionary<string, object?> PoolBody(string? poolId, int quota = 30) => new()
    {
        ["poolId"] = poolId,
        ["doctorId"] = "dr-li",
        ["date"] = "2026-12-02",
        ["session"] = "morning",
        ["startTime"] = "08:00",
        ["minutesPerNumber"] = 10,
        ["quota"] = quota,
        ["fee"] = 12.5m,
        ["releaseAt"] = "2026-11-30T07:00:00+08:00",
    };

    public static string NewPoolId() => "pool-" + Guid.NewGuid().ToString("N")[..12];

    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> CreatePoolAsync(this HttpClient client, Dictionary<string, object?> body)
    {
        using var response = await client.PostAsJsonAsync("/api/admin/pools", body);
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// Registers <paramref name="patientId"/> under an account of its own (<see cref="TestIdentity.PatientAccountOf"/>)
    /// unless it is; only registered patients may book, and only through their account.
    /// </summary>
    public static async Task EnsurePatientAsync(this HttpClient client, string patientId)
    {
        // An id the API would refuse is left for the reservation to refuse; one registered already stays as it is.
        if (!OrleansBooking.Api.Validation.FieldRules.IsId(patientId)) return;
        await client.RegisterDirectlyAsync(patientId, TestIdentity.PatientAccountOf(patientId).AccountId);
    }

    /// <summary>
    /// The account that manages <paramref name="patientId"/> (asked of the admin API), or the one
    /// <see cref="EnsurePatientAsync"/> would register it under when it is not registered.
    /// </summary>
    public static async Task<TestIdentity> ManagingAccountAsync(this HttpClient client, string patientId)
    {
        if (!OrleansBooking.Api.Validation.FieldRules.IsId(patientId)) return TestIdentity.PatientAccountOf(patientId);
        using var response = await client.SendAsAsync(TestIdentity.Admin, HttpMethod.Get, $"/api/admin/patients/{patientId}");
        if (!response.IsSuccessStatusCode) return TestIdentity.PatientAccountOf(patientId);
        var patient = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return TestIdentity.Patient(patient.GetProperty("accountId").GetString()!);
    }

    /// <summary>Books as the patient's own account (registering the patient first).</summary>
    public static async Task<HttpResponseMessage> ReserveAsync(this HttpClient client, string poolId, string patientId, string? idempotencyKey = null)
    {
        await client.EnsurePatientAsync(patientId);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pools/{poolId}/reservations")
        {
            Content = JsonContent.Create(new { patientId }),
        }.As(await client.ManagingAccountAsync(patientId));
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ReserveOkAsync(this HttpClient client, string poolId, string patientId)
    {
        using var response = await client.ReserveAsync(poolId, patientId);
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    /// <summary>Books unless the patient already holds a number in the pool (for fixtures set up once per class).</summary>
    public static async Task ReserveOkOrHeldAsync(this HttpClient client, string poolId, string patientId)
    {
        using var response = await client.ReserveAsync(poolId, patientId);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{response.StatusCode}");
    }

    public static async Task<JsonElement> GetPoolAsync(this HttpClient client, string poolId)
    {
        using var response = await client.GetAsync($"/api/pools/{poolId}");
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> PatchPoolAsync(this HttpClient client, string poolId, string rawJson, HttpStatusCode expected)
    {
        using var response = await client.PatchAsync($"/api/admin/pools/{poolId}", Json(rawJson));
        return await response.ReadAsync(expected);
    }

    /// <summary>Asserts the status, then parses the body (a detached copy, safe after the response is disposed).</summary>
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} {expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem response: status, content type and code; returns the body.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string code)
    {
        var problem = await response.ReadAsync(expected);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static string Str(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new Xunit.Sdk.XunitException($"{property} is null in {element}");

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    /// <summary>The names of the fields a validation problem complains about.</summary>
    public static string[] ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
