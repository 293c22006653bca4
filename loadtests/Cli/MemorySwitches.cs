using OrleansBooking.LoadTests.Scenarios;

namespace OrleansBooking.LoadTests.Cli;

/// <summary>Reads whether a rush watches the silo's memory (<c>--watch-memory</c>, on with <c>--provincial</c>) and how long it waits for idle collection.</summary>
public sealed record MemorySwitches(bool Watch, TimeSpan IdleFor, bool Provincial)
{
    public const string Help = """
          --watch-memory            read the silo's /metrics every second (working set, GC heap, active grains by type) and
                                    report memory before the release, at the peak, when the crowd drained and after idle
                                    collection, with the time to activate (on with --provincial)
          --idle-for DUR            after the read-back, wait up to this long for the silo to collect idle grains, then
                                    sample again (default 0; 3m with --provincial). A silo left at the shipped
                                    Grains:IdleAge (15 min) needs --silo-arg=--Grains:IdleAge=00:01:00 or a long wait

        """;

    public static MemorySwitches From(CommandLineArgs args)
    {
        bool provincial = args.Flag("provincial");
        var idleFor = args.Duration("idle-for") ?? (provincial ? ProvincialPlatform.IdleFor : TimeSpan.Zero);
        if (idleFor < TimeSpan.Zero) throw new UsageException("--idle-for must not be negative.");
        bool watch = args.Flag("watch-memory") || provincial;
        if (idleFor > TimeSpan.Zero && !watch) throw new UsageException("--idle-for needs --watch-memory: without samples there is nothing to wait for.");
        return new MemorySwitches(watch, idleFor, provincial);
    }

    /// <summary>The provincial scenario's load-test settings go first, so a variant's or a --silo-arg still overrides them.</summary>
    public SiloSwitches ForSilo(SiloSwitches target) => Provincial
        ? target with { ExtraArgs = [.. ProvincialPlatform.SiloSettings.Select(s => $"--{s.Key}={s.Value}"), .. target.ExtraArgs] }
        : target;
}
