using Microsoft.Extensions.Logging;

namespace OrleansBooking.Api.Payments;

/// <summary>
/// One pass of the refund job: opens the refunds cancellations owe (a backstop for the cancel
/// route, and the only opener for a stop-clinic), then asks the provider for each refund that is
/// due. A provider that is down leaves the refund pending, its next try doubling from
/// <see cref="FirstRetryDelay"/> up to <see cref="MaxRetryDelay"/>; a refund is never given up.
/// </summary>
public sealed partial class RefundRun(IPaymentLedger ledger, IPaymentProvider provider, TimeProvider clock, ILogger<RefundRun> logger)
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    private const int BatchSize = 200;

    /// <summary>Returns how many refunds the provider confirmed in this pass.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await ledger.OpenRefundsForCancelledAsync(clock.GetUtcNow(), reservationId: null, cancellationToken);
        var confirmed = 0;
        foreach (var refund in await ledger.RefundsDueAsync(clock.GetUtcNow(), BatchSize, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var answer = await provider.RefundAsync(new RefundOrder(refund.RefundId, refund.PaymentId, refund.ProviderPaymentId, refund.AmountFen), cancellationToken);
                if (answer.Confirmed)
                {
                    await ledger.ConfirmRefundAsync(refund.RefundId, answer.ProviderRefundId, clock.GetUtcNow(), cancellationToken);
                    confirmed++;
                    continue;
                }
                await ledger.PostponeRefundAsync(refund.RefundId, clock.GetUtcNow() + Delay(refund.Attempts), "accepted, not confirmed yet", cancellationToken);
            }
            catch (PaymentProviderUnavailableException exception)
            {
                LogRefundFailed(refund.RefundId, refund.Attempts + 1, exception.Message);
                await ledger.PostponeRefundAsync(refund.RefundId, clock.GetUtcNow() + Delay(refund.Attempts), exception.Message, cancellationToken);
            }
        }
        return confirmed;
    }

    /// <summary>The wait after the (<paramref name="attempts"/> + 1)th failed try.</summary>
    public static TimeSpan Delay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempts, 20)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund {RefundId} failed (attempt {Attempt}): {Error}; it stays pending and is tried again.")]
    private partial void LogRefundFailed(string refundId, int attempt, string error);
}
