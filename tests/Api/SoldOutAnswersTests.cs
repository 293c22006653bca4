using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Answers;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Tests.Api;

/// <summary>
/// The sold-out answer written from prepared bytes is, byte for byte, the one the problem service
/// writes, with each request's own trace id; what the bytes cannot stand for is left to the service.
/// </summary>
public sealed class SoldOutAnswersTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly SoldOutAnswers answers = new();

    [Fact]
    public async Task APreparedAnswerIsTheBodyTheProblemServiceWritesWithTheRequestsTraceId()
    {
        var first = await WriteAsync(answers.For("pool-a"), "0hn1k:00000001");
        var prepared = await WriteAsync(answers.For("pool-a"), "0hn1k:00000002");
        var framework = await WriteAsync(BookingProblems.SoldOut("pool-a"), "0hn1k:00000002");

        Assert.Equal(1, answers.PreparedPools);
        Assert.Equal(framework, prepared);
        Assert.Contains("\"traceId\":\"0hn1k:00000001\"", first.Body, StringComparison.Ordinal);
        Assert.Contains("\"traceId\":\"0hn1k:00000002\"", prepared.Body, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"sold_out\"", prepared.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachPoolHasItsOwnBody()
    {
        await WriteAsync(answers.For("pool-a"), "0hn1k:00000001");
        var b = await WriteAsync(answers.For("pool-b"), "0hn1k:00000002");

        Assert.Equal(2, answers.PreparedPools);
        Assert.Equal(await WriteAsync(BookingProblems.SoldOut("pool-b"), "0hn1k:00000002"), b);
    }

    [Fact]
    public async Task UnderAnActivityTheTraceIdIsTheActivitysAsTheProblemServiceWritesIt()
    {
        await WriteAsync(answers.For("pool-a"), "0hn1k:00000001");
        using var activity = new Activity("sold-out-test").SetIdFormat(ActivityIdFormat.W3C).Start();

        var prepared = await WriteAsync(answers.For("pool-a"), "0hn1k:00000002");
        var framework = await WriteAsync(BookingProblems.SoldOut("pool-a"), "0hn1k:00000002");

        Assert.Equal(framework, prepared);
        Assert.Contains($"\"traceId\":\"{activity.Id}\"", prepared.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json, text/plain, */*")]
    public async Task AnyOtherAcceptIsAnsweredByTheProblemServiceItself(string accept)
    {
        var answer = await WriteAsync(answers.For("pool-a"), "0hn1k:00000001", accept);

        Assert.Equal(0, answers.PreparedPools);
        Assert.Equal(await WriteAsync(BookingProblems.SoldOut("pool-a"), "0hn1k:00000001", accept), answer);
    }

    [Fact]
    public async Task ATraceIdThatJsonWouldEscapeIsAnsweredByTheProblemServiceItself()
    {
        await WriteAsync(answers.For("pool-a"), "0hn1k:00000001");

        var answer = await WriteAsync(answers.For("pool-a"), "trace\"with<quotes>");

        Assert.Equal(await WriteAsync(BookingProblems.SoldOut("pool-a"), "trace\"with<quotes>"), answer);
    }

    [Fact]
    public async Task OverHttpEverySoldOutAnswerIsAProblemWithItsOwnTraceId()
    {
        var client = factory.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId, 1));
        await client.ReserveOkAsync(poolId, "patient-1");

        using var second = await client.ReserveAsync(poolId, "patient-2");
        using var third = await client.ReserveAsync(poolId, "patient-3");
        var a = await second.ReadProblemAsync(HttpStatusCode.Conflict, "sold_out");
        var b = await third.ReadProblemAsync(HttpStatusCode.Conflict, "sold_out");

        Assert.Equal((poolId, poolId), (a.Str("poolId"), b.Str("poolId")));
        Assert.Equal($"Pool '{poolId}' is sold out.", b.Str("detail"));
        Assert.NotEqual(a.Str("traceId"), b.Str("traceId"));
    }

    private sealed record Written(int Status, string? ContentType, string Body);

    private async Task<Written> WriteAsync(IResult result, string traceIdentifier, string? accept = null)
    {
        using var scope = factory.Services.CreateScope();
        var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, TraceIdentifier = traceIdentifier };
        if (accept is not null) http.Request.Headers.Accept = accept;
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        await http.Response.CompleteAsync();
        return new Written(http.Response.StatusCode, http.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }
}
