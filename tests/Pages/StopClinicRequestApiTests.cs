using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Pages;

/// <summary>POST /api/pools/{poolId}/stop-clinic-requests: the session's doctor asks, nothing is cancelled, bad input is a problem.</summary>
public sealed class StopClinicRequestApiTests : IAsyncLifetime
{
    private readonly BookingApiFactory silo = new();
    private readonly string poolId = ApiCalls.NewPoolId();

    public async Task InitializeAsync()
    {
        using var admin = silo.CreateClient();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(poolId));
    }

    [Fact]
    public async Task TheSessionsDoctorAsksAndThePoolStaysOpen()
    {
        using var doctor = silo.CreateClientAs(TestIdentity.Doctor("dr-li"));
        using var response = await doctor.PostAsJsonAsync($"/api/pools/{poolId}/stop-clinic-requests", new { reason = "Called to theatre" });
        var request = await response.ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal("Called to theatre", request.Str("reason"));
        Assert.Equal("open", (await doctor.GetPoolAsync(poolId)).Str("status"));
    }

    [Fact]
    public async Task AnotherDoctorIsRefused()
    {
        using var doctor = silo.CreateClientAs(TestIdentity.Doctor("dr-someone-else"));
        using var response = await doctor.PostAsJsonAsync($"/api/pools/{poolId}/stop-clinic-requests", new { reason = "Not mine" });
        await response.ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ARequestWithoutAReasonIsAValidationProblem()
    {
        using var doctor = silo.CreateClientAs(TestIdentity.Doctor("dr-li"));
        using var response = await doctor.PostAsJsonAsync($"/api/pools/{poolId}/stop-clinic-requests", new { reason = "" });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["reason"], problem.ErrorFields());
    }

    [Fact]
    public async Task AnUnknownPoolIsNotFound()
    {
        using var admin = silo.CreateClient();
        using var response = await admin.PostAsJsonAsync("/api/pools/no-such-pool/stop-clinic-requests", new { reason = "Ill" });
        await response.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }

    public async Task DisposeAsync() => await silo.DisposeAsync();
}
