namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// The generator handles a socket's answer on the thread that saw it arrive instead of queueing it
/// to the thread pool: its work per answer is a few microseconds, and the hop to a pool thread (a
/// queue, a wake-up) cost more than the work. Measured on /health/live: about a fifth more requests
/// per second on the same two cores (docs/benchmarks.md). The runtime reads the switch once, when the
/// first socket is made, and only from the environment; a value set outside wins.
/// </summary>
public static class InlineSocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>True when this process set the switch itself, so processes it starts (a silo) must not inherit it.</summary>
    public static bool SetHere { get; private set; }

    /// <summary>Call first thing in Main, before any socket exists.</summary>
    public static void Enable()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null) return;
        Environment.SetEnvironmentVariable(Variable, "1");
        SetHere = true;
    }
}
