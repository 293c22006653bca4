using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Payments;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>Paying for a held number: the patient's account opens the payment and is sent to the provider's pay page.</summary>
public static class ReservationPaymentApi
{
    public static IEndpointRouteBuilder MapReservationPaymentApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/reservations").WithTags("Payments").AddEndpointFilter<GrainFaultFilter>()
            .MapPost("/{reservationId}/payment", OpenPayment)
            .RequireAuthorization(AccessPolicies.Patient)
            .WithName(nameof(OpenPayment))
            .WithSummary("Pay for a held number")
            .WithDescription("Opens the payment of a hold (pending_payment) with the payment provider and answers where to pay (payUrl). "
                + "Asking again answers the same payment (200). The fee is the one fixed on the hold, in fen. Provider down: 503 "
                + "payment_provider_unavailable with Retry-After, and the number stays held.")
            .Produces<PaymentResponse>(StatusCodes.Status201Created)
            .Produces<PaymentResponse>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PaymentProblems.NotPayable)
            .ProducesProblemCodes(StatusCodes.Status503ServiceUnavailable, PaymentProblems.ProviderUnavailable)
            .ProducesRetryLater();
        return app;
    }

    public static async Task<IResult> OpenPayment(
        string reservationId, ClaimsPrincipal user, ISlotPoolGrainFactory pools, IReservationIndex index, IPatientDirectory directory,
        IPaymentLedger ledger, IPaymentProvider provider, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (FieldRules.CheckReservationId(errors, reservationId) is not { } id) return BookingProblems.ValidationFailed(errors);
        if (await ReservationsApi.FindVisibleAsync(id, user, pools, index, directory, cancellationToken) is not ({ } reservation, _))
            return BookingProblems.ReservationNotFound(reservationId);
        if (reservation is not { FeeFen: { } fee, HoldExpiresAt: { } expiresAt }) return PaymentProblems.NotPayableNow(reservation);

        var existing = await ledger.FindForReservationAsync(id, cancellationToken);
        if (existing is { ProviderPaymentId: not null }) return TypedResults.Ok(PaymentResponse.From(existing, expiresAt, time));
        if (reservation.Status != ReservationStatus.PendingPayment || time.Now >= expiresAt) return PaymentProblems.NotPayableNow(reservation);

        var payment = existing ?? await ledger.OpenAsync(new StoredPayment(
            "pay" + Guid.NewGuid().ToString("N"), id, reservation.PoolId, reservation.PatientId, provider.Name, ProviderPaymentId: null, PayUrl: null,
            fee, PaymentView.Yuan, PaymentStatuses.Created, PaidFen: null, time.Now, PaidAt: null), cancellationToken);
        ProviderPayment opened;
        try
        {
            opened = await provider.CreatePaymentAsync(new PaymentOrder(
                payment.PaymentId, id, payment.AmountFen, payment.Currency, $"Registration fee, number {reservation.SequenceNumber}", expiresAt), cancellationToken);
        }
        catch (PaymentProviderUnavailableException)
        {
            // Nothing of the hold changed: the patient may try again while it lasts.
            return PaymentProblems.ProviderDown();
        }
        await ledger.AttachProviderAsync(payment.PaymentId, opened, time.Now, cancellationToken);
        var attached = payment with { ProviderPaymentId = opened.ProviderPaymentId, PayUrl = opened.PayUrl };
        return TypedResults.Created((string?)null, PaymentResponse.From(attached, expiresAt, time));
    }
}
