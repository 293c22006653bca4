using System.Collections.Concurrent;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Tests.Lottery;

/// <summary>
/// An incoming grain call filter that completes a patient's task once their grain has taken a
/// draw's one-way result: the test waits on the message itself, not on time.
/// </summary>
public sealed class DrawToldWatch : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> told = new(StringComparer.Ordinal);

    public Task Told(string patientId) => Signal(patientId).Task;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod?.Name == nameof(IPatientGrain.LotteryDrawnAsync) && context.TargetId.Key.ToString() is { } patientId)
            Signal(patientId).TrySetResult();
    }

    private TaskCompletionSource Signal(string patientId) =>
        told.GetOrAdd(patientId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
