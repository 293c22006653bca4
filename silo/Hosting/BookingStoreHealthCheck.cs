using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting;

/// <summary>Ready means the database answers: without it no reservation can be acknowledged.</summary>
internal sealed class BookingStoreHealthCheck(IBookingStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"The {store.Engine} database answers.")
                : new HealthCheckResult(context.Registration.FailureStatus, $"The {store.Engine} database does not answer.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The {store.Engine} database is unreachable.");
        }
    }
}
