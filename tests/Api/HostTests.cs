using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Answers;
using OrleansBooking.Api.Contracts;

namespace OrleansBooking.Tests.Api;

/// <summary>What the host serves besides the booking routes: OpenAPI, the docs UI, health, unknown routes.</summary>
public sealed class HostTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task TheReservationsJsonContractIsBuiltAtStartUpNotAtTheRelease()
    {
        var prepared = factory.Services.GetRequiredService<AnswerContractsPrepared>();
        await prepared.Prepared.WaitAsync(TimeSpan.FromSeconds(30));

        var declared = AnswerContractsPrepared.DeclaredAnswerTypes(factory.Services.GetRequiredService<EndpointDataSource>());
        Assert.Contains(typeof(ReservationResponse), declared);
    }

    [Fact]
    public async Task TheOpenApiDocumentIsVersion31AndListsEveryRoute()
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = await response.ReadAsync(HttpStatusCode.OK);

        Assert.StartsWith("3.1", document.Str("openapi"), StringComparison.Ordinal);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        // Every API route the host maps, whoever added it, must be in the document.
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(documented).Order(StringComparer.Ordinal));
        // And the routes of the published contract (shared/API.md) are all there.
        string[] contract =
        [
            "DELETE /api/reservations/{reservationId}",
            "GET /api/pools/{poolId}",
            "GET /api/reservations/{reservationId}",
            "PATCH /api/admin/pools/{poolId}",
            "POST /api/admin/pools",
            "POST /api/pools/{poolId}/reservations",
        ];
        Assert.Empty(contract.Except(documented));
    }

    [Fact]
    public async Task TheOpenApiDocumentNamesTheProblemCodesOfTheReservationRoute()
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = await response.ReadAsync(HttpStatusCode.OK);

        var responses = document.GetProperty("paths").GetProperty("/api/pools/{poolId}/reservations").GetProperty("post").GetProperty("responses");
        Assert.Contains("sold_out", responses.GetProperty("409").Str("description"), StringComparison.Ordinal);
        Assert.Contains("not_released", responses.GetProperty("409").Str("description"), StringComparison.Ordinal);
        Assert.Contains("overloaded", responses.GetProperty("503").Str("description"), StringComparison.Ordinal);
        Assert.True(responses.GetProperty("503").GetProperty("headers").TryGetProperty("Retry-After", out _), "503 should document Retry-After");
        Assert.True(responses.GetProperty("201").GetProperty("content").TryGetProperty("application/json", out _), "201 should have a JSON body");
        Assert.True(responses.GetProperty("409").GetProperty("content").TryGetProperty("application/problem+json", out _), "409 should be problem+json");
    }

    [Fact]
    public async Task TheDocsUiServesHtmlPointingAtTheDocument()
    {
        using var response = await client.GetAsync("/docs/index.html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", html, StringComparison.Ordinal);

        using var config = await client.GetAsync("/docs/index.js");
        Assert.Contains("/openapi/v1.json", await config.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDocsPathLeadsToTheUi()
    {
        using var response = await client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LiveAnswersHealthy()
    {
        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadyAnswersHealthyWhenTheDatabaseAnswers()
    {
        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var cluster = report.RootElement.GetProperty("checks").GetProperty("cluster");
        Assert.Equal("Healthy", cluster.GetProperty("status").GetString());
        Assert.Contains("Active in cluster", cluster.GetProperty("description").GetString());
    }

    [Fact]
    public async Task AnUnknownRouteAnswersAProblem()
    {
        using var response = await client.GetAsync("/api/nothing-here");

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AnUnsupportedMethodAnswersAProblem()
    {
        using var response = await client.PutAsync("/api/pools/pool-1", ApiCalls.Json("{}"));

        await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }
}
