using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts.Payments;

/// <summary>The refusals of paying for a number, as problems with a stable <c>code</c>.</summary>
public static class PaymentProblems
{
    /// <summary>Only a hold still waiting for its money can be paid; with the reservation's status.</summary>
    public const string NotPayable = "not_payable";

    /// <summary>The payment provider did not answer; the hold is kept. Retry-After says when to try again.</summary>
    public const string ProviderUnavailable = "payment_provider_unavailable";

    /// <summary>A callback without a valid signature of our provider's secret.</summary>
    public const string SignatureInvalid = "callback_signature_invalid";

    /// <summary>A signed callback whose timestamp is outside the tolerance (a replay, or a clock far off).</summary>
    public const string CallbackStale = "callback_stale";

    public const string PaymentNotFound = "payment_not_found";

    public const string SandboxPaymentNotFound = "sandbox_payment_not_found";

    public static ProblemHttpResult NotPayableNow(Reservation reservation) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, NotPayable, "The reservation is not waiting for payment.",
            $"The reservation is {FieldRules.WireName(reservation.Status)}; only a hold that has not run out can be paid.",
            ("reservationStatus", FieldRules.WireName(reservation.Status)));

    public static GrainFaults.RetryLaterResult ProviderDown() =>
        new(BookingProblems.Problem(StatusCodes.Status503ServiceUnavailable, ProviderUnavailable, "The payment provider is unavailable.",
            "The number is still held for you; try again shortly.", ("retryAfter", (int)PaymentProviderUnavailableException.RetryAfter.TotalSeconds)),
            (int)PaymentProviderUnavailableException.RetryAfter.TotalSeconds);

    public static ProblemHttpResult Forged() =>
        BookingProblems.Problem(StatusCodes.Status401Unauthorized, SignatureInvalid, "The callback's signature is not valid.",
            "A callback must be signed with the provider's secret over its timestamp and raw body.");

    public static ProblemHttpResult Stale(DateTimeOffset signedAt) =>
        BookingProblems.Problem(StatusCodes.Status401Unauthorized, CallbackStale, "The callback's timestamp is too far from now.",
            $"It was signed at {signedAt:O}.", ("signedAt", signedAt));

    public static ProblemHttpResult UnknownPayment() =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, PaymentNotFound, "No such payment.",
            "The payment the callback names was never opened by this service.");

    public static ProblemHttpResult UnknownSandboxPayment() =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, SandboxPaymentNotFound, "No such sandbox payment.",
            "The sandbox holds no payment of that id.");
}
