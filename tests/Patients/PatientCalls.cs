using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

/// <summary>Helpers for the patients' API tests.</summary>
internal static class PatientCalls
{
    /// <summary>A different person each time: one patient per person, so a test's patients never share a resident ID.</summary>
    public static string ResidentId => RegisteredPatients.NewResidentId();
    public const string Phone = "13912345678";

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Registers a patient as the signed-in patient account <paramref name="accountId"/>.</summary>
    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string accountId, object body) =>
        client.SendAsAsync(TestIdentity.Patient(accountId), HttpMethod.Post, "/api/account/patients", JsonContent.Create(body));

    /// <summary>GET as the patient account <paramref name="accountId"/>.</summary>
    public static Task<HttpResponseMessage> GetAsAccountAsync(this HttpClient client, string accountId, string uri) =>
        client.SendAsAsync(TestIdentity.Patient(accountId), HttpMethod.Get, uri);

    /// <summary>Registers <paramref name="patientId"/> (an id the test chooses, so straight into the directory) under <paramref name="accountId"/>.</summary>
    public static async Task RegisterOkAsync(this HttpClient client, string accountId, string patientId,
        string? residentId = null, string phone = Phone, string name = "张三")
    {
        var outcome = await client.RegisterDirectlyAsync(patientId, accountId, residentId, phone, name);
        Assert.True(outcome is OrleansBooking.Grains.Patients.RegisterOutcome.Registered, $"Expected {patientId} registered, got {outcome}.");
    }

    /// <summary>Registers a new person through the API as <paramref name="accountId"/>; the answer carries the issued patient id.</summary>
    public static async Task<JsonElement> RegisterThroughApiAsync(this HttpClient client, string accountId, string? residentId = null,
        string phone = Phone, string name = "张三")
    {
        using var response = await client.RegisterAsync(accountId, new { name, residentId = residentId ?? ResidentId, phone });
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    /// <summary>A pool on 2026-12-02 released before the fixture's clock (see <see cref="ApiCalls.PoolBody"/>).</summary>
    public static async Task<string> OpenPoolAsync(this HttpClient client)
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        return poolId;
    }

    /// <summary>Books without registering first (ApiCalls.ReserveAsync registers the patient).</summary>
    public static async Task<HttpResponseMessage> ReserveAsIsAsync(this HttpClient client, string poolId, string patientId, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pools/{poolId}/reservations") { Content = JsonContent.Create(new { patientId }) }
            .As(await client.ManagingAccountAsync(patientId));
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
