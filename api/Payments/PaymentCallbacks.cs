using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Payments;

/// <summary>
/// Decides what a verified callback does, idempotently: the pool decides paid-in-time or too late
/// (repeating <see cref="ISlotPoolGrain.PayHoldAsync"/> answers the same), and the callback, the
/// payment's new state and any refund are then written in one transaction. A silo that dies
/// between the two loses nothing: the provider, never answered, sends the callback again.
/// </summary>
public sealed class PaymentCallbacks(IPaymentLedger ledger, ISlotPoolGrainFactory pools, TimeProvider clock)
{
    /// <summary>The result for a callback of <paramref name="payment"/>; faults (database, pool) propagate as retryable.</summary>
    public async Task<string> HandleAsync(string provider, StoredPayment payment, ProviderCallback callback, string body, CancellationToken cancellationToken)
    {
        if (await ledger.FindCallbackResultAsync(provider, callback.EventId, cancellationToken) is { } earlier) return earlier;

        var handled = callback.Kind == CallbackKind.Failed
            ? Failed(provider, payment, callback, body)
            : await PaidAsync(provider, payment, callback, body);
        return await ledger.RecordCallbackAsync(handled, cancellationToken);
    }

    private HandledCallback Failed(string provider, StoredPayment payment, ProviderCallback callback, string body) =>
        payment.Status == PaymentStatuses.Paid
            ? Handled(provider, callback, body, CallbackResults.Ignored)
            : Handled(provider, callback, body, CallbackResults.FailureRecorded) with { MarksFailed = true };

    private async Task<HandledCallback> PaidAsync(string provider, StoredPayment payment, ProviderCallback callback, string body)
    {
        var paid = Handled(provider, callback, body, CallbackResults.Refunded) with { MarksPaid = true };
        // Money of another amount or currency is not the fee: the hold stays as it is and the money goes back.
        if (callback.AmountFen != payment.AmountFen || callback.Currency != payment.Currency)
            return paid with { RefundReason = RefundReasons.WrongAmount };

        var outcome = await pools.GetSlotPool(payment.PoolId).PayHoldAsync(payment.ReservationId, callback.AmountFen);
        return outcome switch
        {
            PayHoldOutcome.Booked => paid with { Result = CallbackResults.Booked },
            PayHoldOutcome.HoldExpired => paid with { RefundReason = RefundReasons.PaidAfterExpiry },
            PayHoldOutcome.AmountMismatch => paid with { RefundReason = RefundReasons.WrongAmount },
            _ => paid with { RefundReason = RefundReasons.PaidAfterCancellation },
        };
    }

    private HandledCallback Handled(string provider, ProviderCallback callback, string body, string result) =>
        new(provider, callback, body, result, clock.GetUtcNow(), MarksPaid: false, MarksFailed: false, RefundReason: null);
}
