namespace OrleansBooking.Grains.References;

/// <summary>
/// References to grains of one string-keyed interface, with the grain's Orleans type and interface
/// type resolved once instead of on every call.
/// </summary>
/// <remarks>
/// Orleans' <c>GetGrain&lt;T&gt;(string)</c> finds the interface type by reading the interface's
/// attributes each time it is called; on the reservation route (a pool and a patient per request)
/// that was 5 % of the silo's CPU during the release rush (docs/benchmarks.md). The reference made
/// here is the one <c>GetGrain</c> makes: same grain id, same interface type.
/// </remarks>
public sealed class GrainReferences<TGrain>(IGrainFactory grains) where TGrain : IGrainWithStringKey
{
    // Resolved on first use, not in the constructor: a singleton may be built before the silo's
    // manifest is; two threads racing here compute the same values. Kept behind one reference, which
    // is written whole: a nullable tuple of the two ids is several words, and a thread could read it
    // half-written (the interface still empty) and hand out an untyped reference.
    private Resolved? resolved;

    public TGrain Get(string key)
    {
        var (type, interfaceType) = resolved ??= Resolve();
        return (TGrain)grains.GetGrain(GrainId.Create(type, key), interfaceType);
    }

    private Resolved Resolve()
    {
        var probe = (GrainReference)(object)grains.GetGrain<TGrain>("probe");
        return new Resolved(probe.GrainId.Type, probe.InterfaceType);
    }

    private sealed record Resolved(GrainType Type, GrainInterfaceType Interface);
}
