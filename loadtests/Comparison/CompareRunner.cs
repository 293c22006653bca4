using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Service.Transport;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Comparison;

/// <summary>
/// The legs of <c>compare</c>: the HTTP ceiling (the cheapest route of the same host) and a hot
/// pool under the same load model, so engines are compared on one machine in one session.
/// </summary>
public static class CompareRunner
{
    /// <summary>Default numbers per engine leg: enough that a fast engine is still booking at the end of 15 s.</summary>
    public const int DefaultHotPoolNumbers = 200_000;

    /// <param name="label">What the progress line calls this pass (a round, or the silo's unmeasured warming).</param>
    public static async Task<LegResult> RunCeilingAsync(
        IServiceTransport transport, LoadModel model, string path, TimeProvider? clock, TextWriter? progress, CancellationToken ct,
        string label = "ceiling")
    {
        clock ??= TimeProvider.System;
        progress?.WriteLine($"Leg '{label}': GET /{path.TrimStart('/')}, {model.Describe()}");
        var client = new BookingServiceClient(transport);
        await Warmup.RunAsync((_, token) => client.ProbeAsync(path.TrimStart('/'), token), Warmup.DefaultConcurrency, model.Warmup, clock, ct)
            .ConfigureAwait(false);
        var measurements = new RunMeasurements(clock, clock.GetTimestamp());
        var probe = new CeilingProbe(client, measurements, path);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var session = await LoadSession.RunAsync(probe, model, measurements, progress, ct).ConfigureAwait(false);
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        return new LegResult("ceiling", RequestKind.Ceiling, measurements, session, Verification: null, GeneratorCpu: cpu);
    }

    /// <summary>
    /// Every arrival is a new patient booking the one hot pool; <paramref name="numbers"/> are spread
    /// over a queue of pools of at most <see cref="RushScenario.MaxPoolQuota"/>, booked one after another.
    /// Like a rush, the leg signs its patients in before its release, unmeasured.
    /// </summary>
    public static async Task<LegResult> RunHotPoolAsync(
        IServiceTransport transport, string name, LoadModel model, int numbers, int? patients, AdminCredentials? admin, TimeProvider? clock,
        TextWriter? progress, CancellationToken ct)
    {
        var scenario = HotPoolScenario(model, numbers, patients);
        progress?.WriteLine($"Leg '{name}': one hot pool at a time ({scenario.Pools} × ≤{RushScenario.MaxPoolQuota:N0} numbers), {model.Describe()}");
        var runner = new RushRunner(transport, scenario, clock, progress)
        {
            RunId = RushRunner.NewRunId(name),
            Admin = admin,
            Visit = static context => new HotPoolBooking(context),
        };
        var result = await runner.RunAsync(ct).ConfigureAwait(false);
        return new LegResult(name, RequestKind.Reserve, result.Measurements, result.Session, result.Verification, numbers);
    }

    /// <param name="patients">Registered patients, taken in turn; by default a new one for every number and then some.</param>
    public static RushScenario HotPoolScenario(LoadModel model, int numbers, int? patients = null) => RushScenario.Default with
    {
        Load = model,
        Pools = (numbers + RushScenario.MaxPoolQuota - 1) / RushScenario.MaxPoolQuota,
        Numbers = numbers,
        // A new patient for every number and then some, since each may book only so many a day.
        Patients = patients ?? numbers + numbers / 10 + 100,
        ReleaseIn = model.Warmup + TimeSpan.FromSeconds(1),
        MinutesPerNumber = 1,
        Behaviour = new PatientBehaviour { BrowseRatio = 0, CancelRatio = 0, MaxChoices = 1 },
    };
}
