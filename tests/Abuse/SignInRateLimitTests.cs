using Microsoft.Extensions.Time.Testing;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Abuse;

/// <summary>
/// The named sign-in policy, on a small host of its own (no sign-in route exists yet): a route that
/// asks for it gets the stricter allowance per address; the others do not.
/// </summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new();
    private WebApplication? app;
    private HttpClient? client;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Booking:RateLimits:SignIn:Burst"] = "2",
            ["Booking:RateLimits:SignIn:PermitsPerSecond"] = "0.1",
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddProblemDetails();
        builder.Services.AddBookingRateLimits();
        app = builder.Build();
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.5");
            return next(context);
        });
        app.UseBookingRateLimits();
        app.MapPost("/sign-in", () => TypedResults.NoContent()).RequireRateLimiting(RateLimitPolicies.SignIn);
        app.MapGet("/elsewhere", () => TypedResults.NoContent());
        await app.StartAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Fact]
    public async Task SignInGetsItsOwnStricterAllowance()
    {
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client!.PostAsync("/sign-in", null);
            Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        }

        using var refused = await client!.PostAsync("/sign-in", null);
        using var elsewhere = await client.GetAsync("/elsewhere");

        await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal(["10"], refused.Headers.GetValues("Retry-After"));
        Assert.Equal(HttpStatusCode.NoContent, elsewhere.StatusCode);
    }

    [Fact]
    public async Task SignInComesBackAfterRetryAfter()
    {
        for (var i = 0; i < 3; i++) (await client!.PostAsync("/sign-in", null)).Dispose();

        clock.Advance(TimeSpan.FromSeconds(10));
        using var again = await client!.PostAsync("/sign-in", null);

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }
}
