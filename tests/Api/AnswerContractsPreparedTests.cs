using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Answers;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OrleansBooking.Tests.Api;

/// <summary>The JSON contract of every declared answer type is built before any request returns it.</summary>
public sealed class AnswerContractsPreparedTests
{
    public sealed record Doctor(string Name);

    public sealed record Visit(string Id, Doctor Doctor);

    [Fact]
    public void EveryDeclaredAnswerTypeHasItsContractBuiltDownToTheTypesItHolds()
    {
        var built = new List<Type>();
        var json = new JsonOptions();
        json.SerializerOptions.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { contract => built.Add(contract.Type) } };
        var visits = new Endpoint(_ => Task.CompletedTask,
            new EndpointMetadataCollection(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(Visit), ["application/json"])), "visits");
        var prepared = new AnswerContractsPrepared(new DefaultEndpointDataSource(visits), Options.Create(json), NullLogger<AnswerContractsPrepared>.Instance);

        prepared.Prepare(CancellationToken.None);

        Assert.Contains(typeof(Visit), built);
        Assert.Contains(typeof(Doctor), built);
    }

    [Fact]
    public void AnEndpointThatDeclaresNoBodyAddsNoType()
    {
        var empty = new Endpoint(_ => Task.CompletedTask,
            new EndpointMetadataCollection(new ProducesResponseTypeMetadata(StatusCodes.Status204NoContent, typeof(void))), "empty");

        Assert.Empty(AnswerContractsPrepared.DeclaredAnswerTypes(new DefaultEndpointDataSource(empty)));
    }
}
