using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.References;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Hosting;

namespace OrleansBooking.Tests.References;

/// <summary>References made while the interface is first being resolved are typed, however many threads ask at once.</summary>
public sealed class GrainReferencesTests : IAsyncLifetime
{
    private GrainHost host = null!;

    public async Task InitializeAsync() => host = await GrainHost.StartAsync(new FakeTimeProvider(TestClocks.DefaultStart), _ => { });

    [Fact]
    public void ThreadsRacingOnFirstUseAllGetTypedReferences()
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var failures = 0;
        for (var round = 0; round < 200; round++)
        {
            var references = new GrainReferences<ISlotPoolGrain>(grains);
            using var start = new Barrier(Environment.ProcessorCount * 2);
            var threads = Enumerable.Range(0, start.ParticipantCount).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    Assert.Equal($"pool-{i}", references.Get($"pool-{i}").GetPrimaryKeyString());
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }
        Assert.True(failures == 0, $"expected every reference typed as ISlotPoolGrain; {failures} were not");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();
}
