using Microsoft.Extensions.Time.Testing;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api;
using OrleansBooking.Api.Audit;
using OrleansBooking.Tests.Fakes;
using static OrleansBooking.Tests.Audit.AuditExamples;

namespace OrleansBooking.Tests.Audit;

/// <summary>Which requests the audit middleware records, and what it takes from them, on a small host of its own.</summary>
public sealed class AuditMiddlewareTests : IAsyncLifetime
{
    private readonly RecordingAuditLog log = new();
    private WebApplication? app;
    private HttpClient? client;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IAuditLog>(log);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        builder.Services.AddProblemDetails();
        app = builder.Build();
        app.Use(TestCaller.FromHeaders);
        app.UseBookingApiErrors();
        app.UseBookingAudit();

        app.MapPost("/things", () => TypedResults.Created("/things/7", new { id = 7 })).WithName("CreateThing");
        app.MapPatch("/things/7", () => TypedResults.Ok()).WithName("ChangeThing");
        app.MapPut("/things/7", () => TypedResults.Ok()).WithName("ReplaceThing");
        app.MapDelete("/things/7", () => TypedResults.NoContent()).WithName("RemoveThing");
        app.MapGet("/things", () => TypedResults.Ok()).WithName("ListThings");
        app.MapPost("/things/clash", () => TypedResults.Conflict()).WithName("ClashThing");
        app.MapPost("/things/invalid", () => TypedResults.BadRequest()).WithName("InvalidThing");
        app.MapPost("/things/denied", () => TypedResults.StatusCode(StatusCodes.Status403Forbidden)).WithName("DeniedThing");
        app.MapDelete("/things/locked", () => TypedResults.Unauthorized()).WithName("LockedThing");
        app.MapGet("/things/denied", () => TypedResults.StatusCode(StatusCodes.Status403Forbidden)).WithName("PeekDeniedThing");
        app.MapPost("/things/broken", IResult () => throw new InvalidOperationException("Injected fault.")).WithName("BreakThing");
        app.MapPost("/unnamed", () => TypedResults.Ok());
        app.MapPost("/sign-in", SignIn).WithName("SignIn").AuditAllOutcomes();
        app.MapGet("/sign-in/status", () => TypedResults.Unauthorized()).WithName("SignInStatus").AuditAllOutcomes();
        app.MapPost("/sign-in/broken", IResult () => throw new InvalidOperationException("Injected fault.")).WithName("BrokenSignIn").AuditAllOutcomes();
        app.MapPost("/accounts/{accountId}/things", (string accountId) => TypedResults.Created($"/accounts/{accountId}/things/1", new { })).WithName("CreateAccountThing");

        await app.StartAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    private static Results<Ok, UnauthorizedHttpResult> SignIn(HttpContext context, string login)
    {
        // Unmasked on purpose: the detail's safety net must mask it.
        AuditDetail.Set(context, $"login {login}");
        return login == "13800000000" ? TypedResults.Ok() : TypedResults.Unauthorized();
    }

    [Theory]
    [InlineData("POST", "/things", 201, "CreateThing")]
    [InlineData("PATCH", "/things/7", 200, "ChangeThing")]
    [InlineData("PUT", "/things/7", 200, "ReplaceThing")]
    [InlineData("DELETE", "/things/7", 204, "RemoveThing")]
    [InlineData("POST", "/things/denied", 403, "DeniedThing")]
    [InlineData("DELETE", "/things/locked", 401, "LockedThing")]
    [InlineData("POST", "/sign-in?login=13912345678", 401, "SignIn")]
    [InlineData("POST", "/sign-in?login=13800000000", 200, "SignIn")]
    [InlineData("GET", "/sign-in/status", 401, "SignInStatus")]
    [InlineData("POST", "/sign-in/broken", 500, "BrokenSignIn")]
    public async Task IsRecorded(string method, string path, int status, string action)
    {
        var answered = await SendAsync(method, path);

        Assert.Equal(status, answered);
        var entry = Assert.Single(log.Entries);
        Assert.Equal((action, method, status), (entry.Action, entry.Method, entry.StatusCode));
    }

    [Theory]
    [InlineData("GET", "/things", 200)]
    [InlineData("GET", "/things/denied", 403)]
    [InlineData("POST", "/things/clash", 409)]
    [InlineData("POST", "/things/invalid", 400)]
    [InlineData("POST", "/things/broken", 500)]
    [InlineData("POST", "/nowhere", 404)]
    public async Task IsNotRecorded(string method, string path, int status)
    {
        var answered = await SendAsync(method, path);

        Assert.Equal(status, answered);
        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task TheEntrySaysWhoWhatWhenAndWhere()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/things");
        request.Headers.Add(TestCaller.AccountHeader, "acct-42");
        request.Headers.Add(TestCaller.RoleHeader, "admin");
        request.Headers.Add(TestCaller.AddressHeader, "::ffff:192.0.2.10");
        await SendAsync(request);

        Assert.Equal(new AuditEntry(Now, "acct-42", "admin", "CreateThing", "POST", "/things", 201, "/things/7", "192.0.2.10", null),
            Assert.Single(log.Entries));
    }

    [Fact]
    public async Task AnAnonymousCallerHasNoAccountNorRole()
    {
        await SendAsync("POST", "/things");

        var entry = Assert.Single(log.Entries);
        Assert.Null(entry.AccountId);
        Assert.Null(entry.Role);
    }

    [Fact]
    public async Task TheDetailAHandlerSetIsRecordedMasked()
    {
        await SendAsync("POST", "/sign-in?login=13912345678");

        Assert.Equal("login 139****5678", Assert.Single(log.Entries).Detail);
    }

    [Fact]
    public async Task APhoneNumberInThePathOrTargetIsMasked()
    {
        await SendAsync("POST", "/accounts/13912345678/things");

        var entry = Assert.Single(log.Entries);
        Assert.Equal("/accounts/139****5678/things", entry.Path);
        Assert.Equal("/accounts/139****5678/things/1", entry.Target);
    }

    [Fact]
    public async Task ARouteWithoutANameIsRecordedUnderItsDisplayName()
    {
        await SendAsync("POST", "/unnamed");

        Assert.Equal("HTTP: POST /unnamed", Assert.Single(log.Entries).Action);
    }

    [Fact]
    public void TheRuleRecordsSuccessfulAndRefusedWritesAndEverySignIn()
    {
        var plain = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/x"), 0, EndpointMetadataCollection.Empty, "x");
        var signIn = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/s"), 0,
            new EndpointMetadataCollection(AuditAllOutcomesMetadata.Instance), "s");

        Assert.True(AuditMiddleware.IsAudited(plain, "POST", 299));
        Assert.False(AuditMiddleware.IsAudited(plain, "POST", 300));
        Assert.False(AuditMiddleware.IsAudited(plain, "POST", 199));
        Assert.False(AuditMiddleware.IsAudited(plain, "HEAD", 200));
        Assert.False(AuditMiddleware.IsAudited(plain, "OPTIONS", 403));
        Assert.True(AuditMiddleware.IsAudited(signIn, "GET", 404));
        Assert.True(AuditMiddleware.IsAudited(signIn, "POST", 503));
    }

    private async Task<int> SendAsync(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        return await SendAsync(request);
    }

    // The body is read to its end: the response is complete only once the whole pipeline, audit included, has returned.
    private async Task<int> SendAsync(HttpRequestMessage request)
    {
        using var response = await client!.SendAsync(request);
        await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode;
    }
}
