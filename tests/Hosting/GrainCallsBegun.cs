using System.Collections.Concurrent;

namespace OrleansBooking.Tests.Hosting;

/// <summary>
/// Lets a test wait until a grain has begun a call. The filter signals inside the grain's turn just
/// before the method runs, and the grain runs nothing else until that turn ends, so whatever the
/// test does after the wait lands after the method's synchronous part: a write released then
/// completes after the call has seen it in flight.
/// </summary>
public sealed class GrainCallsBegun : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> begun = new(StringComparer.Ordinal);

    /// <summary>Completes once one more call of the grain method named <paramref name="method"/> has begun.</summary>
    public Task WaitForAsync(string method) => Of(method).WaitAsync();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        Of(context.ImplementationMethod.Name).Release();
        return context.Invoke();
    }

    private SemaphoreSlim Of(string method) => begun.GetOrAdd(method, static _ => new SemaphoreSlim(0));
}
