using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OrleansBooking.Api.Answers;

/// <summary>
/// Builds System.Text.Json's contract of every type the endpoints declare they answer with, once,
/// just after start-up, instead of in the first request that returns it.
/// </summary>
/// <remarks>
/// While a contract is being built, every other request returning the same type waits on its lock
/// (JsonTypeInfo's ConfigureSynchronized). A reservation is first returned at the release instant,
/// so there those waits fell on the busiest second of the day: a third of the contended waits of
/// the rush's release second (docs/benchmarks.md §0h). The types come from the endpoints' response
/// metadata, what the OpenAPI document lists, so a new endpoint needs no entry here.
/// </remarks>
public sealed class AnswerContractsPrepared(
    EndpointDataSource endpoints, IOptions<JsonOptions> json, ILogger<AnswerContractsPrepared> log) : BackgroundService
{
    private readonly TaskCompletionSource prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every declared answer type's contract is built (for tests).</summary>
    public Task Prepared => prepared.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: nothing waits for this.
        await Task.Yield();
        try
        {
            Prepare(stoppingToken);
        }
        catch (Exception e)
        {
            // Only a head start: a fault here must not stop the host (a background service's fault would).
            log.LogWarning(e, "JSON contracts not prepared at start-up; each is built by its first answer");
        }
        prepared.TrySetResult();
    }

    /// <summary>
    /// Builds the contract of each declared answer type and of every type it holds (a property's
    /// contract is otherwise built only when the first answer writes it). One that cannot be built
    /// is left to its first request.
    /// </summary>
    public void Prepare(CancellationToken cancellationToken)
    {
        var seen = new HashSet<Type>();
        foreach (var type in DeclaredAnswerTypes(endpoints))
        {
            if (cancellationToken.IsCancellationRequested) return;
            PrepareContract(type, seen);
        }
    }

    private void PrepareContract(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type)) return;
        JsonTypeInfo contract;
        try
        {
            contract = json.Value.SerializerOptions.GetTypeInfo(type);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            log.LogDebug(e, "No JSON contract prepared for {Type}; its first answer builds it", type);
            return;
        }
        foreach (var property in contract.Properties) PrepareContract(property.PropertyType, seen);
        if (contract.ElementType is { } element) PrepareContract(element, seen);
        if (contract.KeyType is { } key) PrepareContract(key, seen);
    }

    /// <summary>The types the endpoints declare as response bodies.</summary>
    public static IReadOnlySet<Type> DeclaredAnswerTypes(EndpointDataSource endpoints) =>
        endpoints.Endpoints
            .SelectMany(endpoint => endpoint.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Select(answer => answer.Type)
            .OfType<Type>()
            .Where(type => type != typeof(void))
            .ToHashSet();
}
