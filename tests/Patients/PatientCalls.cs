using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

/// <summary>Helpers for the patients' API tests.</summary>
internal static class PatientCalls
{
    public const string ResidentId = "11010519491231002X";
    public const string Phone = "13912345678";

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Registers a patient as the signed-in patient account <paramref name="accountId"/>.</summary>
    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string accountId, object body) =>
        client.SendAsAsync(TestIdentity.Patient(accountId), HttpMethod.Post, "/api/account/patients", JsonContent.Create(body));

    /// <summary>GET as the patient account <paramref name="accountId"/>.</summary>
    public static Task<HttpResponseMessage> GetAsAccountAsync(this HttpClient client, string accountId, string uri) =>
        client.SendAsAsync(TestIdentity.Patient(accountId), HttpMethod.Get, uri);

    public static async Task<JsonElement> RegisterOkAsync(this HttpClient client, string accountId, string patientId,
        string residentId = ResidentId, string phone = Phone, string name = "张三")
    {
        using var response = await client.RegisterAsync(accountId, new { patientId, name, residentId, phone });
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
