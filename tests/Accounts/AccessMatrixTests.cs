using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>
/// Every route × every role: who gets past authorisation (any answer but 401/403) and who is turned
/// away (401 without a token, 403 with the wrong role). The table must list every mapped route, so
/// a new route cannot ship without a decision here. Ownership is in <see cref="OwnershipTests"/>.
/// </summary>
public sealed partial class AccessMatrixTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private const string Anyone = "anonymous,patient,doctor,admin";
    private const string Signed = "patient,doctor,admin";
    private const string Patient = "patient";
    private const string Clinician = "doctor,admin";
    private const string Admin = "admin";
    private const string PatientOrAdmin = "patient,admin";

    /// <summary>Who may call each route (beyond ownership). Keep in step with the routes: the coverage test fails otherwise.</summary>
    public static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/registration-codes"] = Anyone,
        ["POST /api/auth/register"] = Anyone,
        ["POST /api/auth/sign-in"] = Anyone,
        ["POST /api/auth/sign-in-codes"] = Anyone,
        ["POST /api/auth/sign-in/code"] = Anyone,
        ["POST /api/auth/refresh"] = Anyone,
        ["POST /api/auth/sign-out"] = Signed,
        ["GET /api/auth/account"] = Signed,
        ["POST /api/auth/password-reset-codes"] = Anyone,
        ["POST /api/auth/password-reset"] = Anyone,
        ["POST /api/auth/account/password"] = Signed,
        ["POST /api/auth/account/mobile-codes"] = Patient,
        ["POST /api/auth/account/mobile"] = Patient,

        ["GET /api/pools/{poolId}"] = Anyone,
        ["GET /api/departments"] = Anyone,
        ["GET /api/departments/{departmentId}"] = Anyone,
        ["GET /api/departments/{departmentId}/doctors"] = Anyone,
        ["GET /api/doctors"] = Anyone,
        ["GET /api/doctors/{doctorId}"] = Anyone,
        ["GET /api/doctors/{doctorId}/calendar"] = Anyone,
        ["GET /api/booking-rules"] = Anyone,
        ["GET /api/availability"] = Anyone,

        ["POST /api/pools/{poolId}/reservations"] = Patient,
        ["GET /api/reservations/{reservationId}"] = Signed,
        ["DELETE /api/reservations/{reservationId}"] = PatientOrAdmin,
        ["POST /api/reservations/{reservationId}/payment"] = Patient,
        ["POST /api/payments/callbacks/sandbox"] = Anyone,
        ["GET /api/sandbox-pay/{providerPaymentId}"] = Anyone,
        ["POST /api/sandbox-pay/{providerPaymentId}/pay"] = Anyone,
        ["POST /api/sandbox-pay/{providerPaymentId}/fail"] = Anyone,
        ["POST /api/pools/{poolId}/waitlist"] = Patient,
        ["GET /api/pools/{poolId}/waitlist/{patientId}"] = Patient,
        ["DELETE /api/pools/{poolId}/waitlist/{patientId}"] = Patient,
        ["POST /api/pools/{poolId}/waitlist/{patientId}/accept"] = Patient,
        ["POST /api/pools/{poolId}/waitlist/{patientId}/decline"] = Patient,
        ["GET /api/account/waitlists"] = Patient,
        ["GET /api/account/lottery-entries"] = Patient,
        ["POST /api/account/patients"] = Patient,
        ["GET /api/account/patients"] = Patient,
        ["GET /api/account/patients/{patientId}"] = Patient,
        ["PATCH /api/account/patients/{patientId}"] = Patient,
        ["DELETE /api/account/patients/{patientId}"] = Patient,
        ["POST /api/account/patients/claims"] = Patient,
        ["GET /api/patients/{patientId}/appointments"] = PatientOrAdmin,
        ["GET /api/account/notification-preferences"] = Patient,
        ["PUT /api/account/notification-preferences"] = Patient,

        ["GET /api/pools/{poolId}/reservations"] = Clinician,
        ["GET /api/pools/{poolId}/day-list"] = Clinician,
        ["POST /api/pools/{poolId}/call-next"] = Clinician,
        ["POST /api/pools/{poolId}/reservations/{reservationId}/check-in"] = Clinician,
        ["POST /api/pools/{poolId}/reservations/{reservationId}/complete"] = Clinician,
        ["POST /api/pools/{poolId}/reservations/{reservationId}/no-show"] = Clinician,
        ["GET /api/doctors/{doctorId}/days/{date}"] = Clinician,
        ["POST /api/pools/{poolId}/stop-clinic-requests"] = Clinician,

        ["POST /api/admin/pools"] = Admin,
        ["PATCH /api/admin/pools/{poolId}"] = Admin,
        ["POST /api/admin/pools/{poolId}/stop-clinic"] = Admin,
        ["GET /api/admin/pools/{poolId}/lottery"] = Admin,
        ["POST /api/admin/pools/{poolId}/reservations/{reservationId}/withdraw-no-show"] = Admin,
        ["POST /api/admin/patients/bulk"] = Admin,
        ["GET /api/admin/patients/{patientId}"] = Admin,
        ["DELETE /api/admin/patients/{patientId}/suspension"] = Admin,
        ["POST /api/admin/accounts"] = Admin,
        ["GET /api/admin/accounts/{accountId}"] = Admin,
        ["POST /api/admin/accounts/{accountId}/unlock"] = Admin,
        ["GET /api/admin/accounts"] = Admin,
        ["POST /api/admin/accounts/{accountId}/disable"] = Admin,
        ["POST /api/admin/accounts/{accountId}/enable"] = Admin,
        ["POST /api/admin/accounts/{accountId}/sign-out"] = Admin,
        ["POST /api/admin/accounts/{accountId}/password"] = Admin,
        ["POST /api/admin/departments"] = Admin,
        ["PATCH /api/admin/departments/{departmentId}"] = Admin,
        ["DELETE /api/admin/departments/{departmentId}"] = Admin,
        ["PUT /api/admin/departments/{departmentId}/release-rule"] = Admin,
        ["DELETE /api/admin/departments/{departmentId}/release-rule"] = Admin,
        ["PUT /api/admin/departments/{departmentId}/age-range"] = Admin,
        ["DELETE /api/admin/departments/{departmentId}/age-range"] = Admin,
        ["POST /api/admin/doctors"] = Admin,
        ["PATCH /api/admin/doctors/{doctorId}"] = Admin,
        ["DELETE /api/admin/doctors/{doctorId}"] = Admin,
        ["GET /api/admin/doctors/{doctorId}/schedule"] = Admin,
        ["PUT /api/admin/doctors/{doctorId}/schedule"] = Admin,
        ["POST /api/admin/doctors/{doctorId}/schedule/exceptions"] = Admin,
        ["DELETE /api/admin/doctors/{doctorId}/schedule/exceptions/{exceptionId}"] = Admin,
        ["POST /api/admin/pool-generation"] = Admin,
        ["GET /api/admin/statistics/doctors"] = Admin,
        ["GET /api/admin/statistics/departments"] = Admin,
        ["GET /api/admin/statistics/days"] = Admin,
        ["GET /api/analytics/queue-estimate"] = Admin,
        ["GET /api/admin/audit"] = Admin,
        ["GET /api/admin/rush"] = Admin,
        ["GET /api/admin/payments/reconciliation"] = Admin,
        ["GET /api/admin/patients"] = Admin,
        ["GET /api/admin/departments"] = Admin,
        ["GET /api/admin/doctors"] = Admin,
    };

    private const string PoolDoctor = "dr-matrix";

    private static TestIdentity? Identity(string role) => role switch
    {
        "anonymous" => null,
        "patient" => TestIdentity.Patient("acct-matrix-patient"),
        // The doctor of the pool the routes are called on: past the policy, ownership holds too.
        "doctor" => TestIdentity.Doctor(PoolDoctor),
        _ => TestIdentity.Admin,
    };

    private IEnumerable<(string Method, string Pattern)> MappedApiRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'))));

    [Fact]
    public void TheTableListsEveryMappedRouteAndNoOther()
    {
        var mapped = MappedApiRoutes().Select(r => $"{r.Method} {r.Pattern}").ToHashSet(StringComparer.Ordinal);

        Assert.Empty(mapped.Except(Allowed.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(Allowed.Keys.Except(mapped).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRouteStatesItsPolicyExplicitly()
    {
        var implicitRoutes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => a.Policy is null))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.Empty(implicitRoutes);
    }

    public static TheoryData<string, string> RoutesAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Allowed.Keys)
            foreach (var role in new[] { "anonymous", "patient", "doctor", "admin" })
                data.Add(route, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesAndRoles))]
    public async Task OnlyTheAllowedRolesGetPastAuthorisation(string route, string role)
    {
        using var client = factory.CreateClientAs(Identity(role));
        var poolId = await PoolAsync();
        var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
        var uri = Placeholder().Replace(pattern, m => m.Value switch
        {
            "{poolId}" => poolId,
            "{reservationId}" => "0123456789abcdef0123456789abcdef",
            "{doctorId}" => PoolDoctor,
            "{date}" => "2026-12-02",
            _ => "matrix-" + m.Value.Trim('{', '}'),
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (method is "POST" or "PUT" or "PATCH") request.Content = ApiCalls.Json("{}");

        using var response = await client.SendAsync(request);

        var allowed = Allowed[route].Split(',').Contains(role);
        // A route's own 401 (the payment callback's signature check) is not authorisation turning the caller away.
        var text = await response.Content.ReadAsStringAsync();
        if (allowed)
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                || !(text.Contains("\"unauthenticated\"", StringComparison.Ordinal) || text.Contains("\"forbidden\"", StringComparison.Ordinal)),
                $"{role} should get past {route}, got {(int)response.StatusCode}: {text}");
        else if (role == "anonymous")
            await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        else
            await response.ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private string? poolId;

    private async Task<string> PoolAsync()
    {
        if (poolId is not null) return poolId;
        using var admin = factory.CreateClient();
        var body = ApiCalls.PoolBody("pool-matrix");
        body["doctorId"] = PoolDoctor;
        using var response = await admin.PostAsJsonAsync("/api/admin/pools", body);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{response.StatusCode}");
        return poolId = "pool-matrix";
    }

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();
}

/// <summary>The OpenAPI document says who may call what, so client authors need not guess.</summary>
public sealed class AccessOpenApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    [Fact]
    public async Task ProtectedOperationsNeedTheBearerSchemeAndPublicOnesDoNot()
    {
        using var client = factory.CreateAnonymousClient();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").Str("scheme"));
        var createPool = document.GetProperty("paths").GetProperty("/api/admin/pools").GetProperty("post");
        Assert.Single(createPool.GetProperty("security").EnumerateArray());
        Assert.True(createPool.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(createPool.GetProperty("responses").TryGetProperty("403", out _));
        var getPool = document.GetProperty("paths").GetProperty("/api/pools/{poolId}").GetProperty("get");
        Assert.False(getPool.TryGetProperty("security", out _));
        Assert.True(getPool.GetProperty("responses").TryGetProperty("429", out _));
    }
}
