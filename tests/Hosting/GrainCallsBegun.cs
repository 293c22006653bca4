using System.Collections.Concurrent;

namespace OrleansBooking.Tests.Hosting;

/// <summary>
/// Lets a test wait until a grain has begun a call. The filter signals inside the grain's turn just
/// before the method runs, and the grain runs nothing else until that turn ends, so whatever the
/// test does after the wait lands after the method's synchronous part: a write released then
/// completes after the call has seen it in flight. Costs a check of an empty dictionary per call
/// while no test is watching.
/// </summary>
public sealed class GrainCallsBegun : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> watched = new(StringComparer.Ordinal);

    /// <summary>Completes when the next call of the grain method named <paramref name="method"/> begins; ask before making the call.</summary>
    public Task NextAsync(string method) =>
        watched.GetOrAdd(method, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (!watched.IsEmpty && watched.TryRemove(context.ImplementationMethod.Name, out var begun)) begun.TrySetResult();
        return context.Invoke();
    }
}
