using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// The silo on a real port (Kestrel on 127.0.0.1, a free port), because a browser cannot reach the
/// in-memory TestServer; its clock is the tests' fake one, its SMS gateway records codes, and its
/// first admin signs in with <see cref="AdminLogin"/>.
/// </summary>
public sealed class PageSilo : BookingApiFactory
{
    public const string AdminLogin = "page-admin";
    public const string AdminPassword = "page admin passphrase";

    public PageSilo()
    {
        UseKestrel(0);
        With("Booking:Accounts:FirstAdmin:Login", AdminLogin);
        With("Booking:Accounts:FirstAdmin:Password", AdminPassword);
        WithServices(services => services.AddSingleton<ISignInCodeSender>(Codes));
    }

    public RecordingCodeSender Codes { get; } = new();

    /// <summary>http://127.0.0.1:port, once <see cref="Listen"/> has run.</summary>
    public string BaseUrl { get; private set; } = null!;

    /// <summary>Acts as an admin, for what a test sets up around the page it drives.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public PageSilo Listen()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        Admin = CreateClient();
        return this;
    }

    /// <summary>A patient account signed up through the API, with one registered patient; returns (mobile, patientId).</summary>
    public async Task<(string Mobile, string PatientId)> SignUpPatientAsync(string name)
    {
        using var client = CreateAnonymousClient();
        var mobile = AccountCalls.NewMobile();
        await client.SignUpAsync(Codes, mobile);
        var token = await client.AccessTokenAsync(mobile);
        using var registered = await client.PostJsonAsync("/api/account/patients",
            new { name, residentId = RegisteredPatients.NewResidentId(), phone = mobile }, token);
        var patient = await registered.ReadAsync(HttpStatusCode.Created);
        return (mobile, patient.Str("patientId"));
    }

    /// <summary>Books as the patient's account (the rush's other patients, the doctor's morning list).</summary>
    public async Task<HttpResponseMessage> BookAsync(string mobile, string poolId, string patientId)
    {
        using var client = CreateAnonymousClient();
        var token = await client.AccessTokenAsync(mobile);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pools/{poolId}/reservations") { Content = JsonContent.Create(new { patientId }) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    public async Task<JsonElement> GetPoolAsync(string poolId) => await Admin.GetPoolAsync(poolId);
}
