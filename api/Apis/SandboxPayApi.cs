using System.Text.RegularExpressions;
using OrleansBooking.Api.Contracts.Payments;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Payments.Sandbox;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Apis;

/// <summary>
/// The sandbox provider's hosted pay page talks to these (the page itself is /sandbox-pay/). Like a
/// gateway's checkout, they need no account of ours: the unguessable provider payment id in the
/// URL is the patient's ticket. Paying or failing makes the sandbox send its signed callback.
/// </summary>
public static partial class SandboxPayApi
{
    public static IEndpointRouteBuilder MapSandboxPayApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sandbox-pay").WithTags("Sandbox provider").AllowAnonymous().AddEndpointFilter<GrainFaultFilter>();
        api.MapGet("/{providerPaymentId}", GetSandboxPayment)
            .WithName(nameof(GetSandboxPayment))
            .WithSummary("A sandbox payment, as its pay page shows it")
            .Produces<SandboxPaymentView>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, PaymentProblems.SandboxPaymentNotFound)
            .ProducesRetryLater();
        api.MapPost("/{providerPaymentId}/pay", PaySandboxPayment)
            .WithName(nameof(PaySandboxPayment))
            .WithSummary("Pay a sandbox payment (the pay page's pay button)")
            .WithDescription("The sandbox marks it paid and sends the signed callback; acknowledged says whether the service has answered it yet "
                + "(if not, the sandbox sends it again). Paying a paid payment changes nothing.")
            .Produces<SandboxPaymentView>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, PaymentProblems.SandboxPaymentNotFound)
            .ProducesRetryLater();
        api.MapPost("/{providerPaymentId}/fail", FailSandboxPayment)
            .WithName(nameof(FailSandboxPayment))
            .WithSummary("Fail a sandbox payment (the pay page's fail button: a declined card)")
            .Produces<SandboxPaymentView>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, PaymentProblems.SandboxPaymentNotFound)
            .ProducesRetryLater();
        return app;
    }

    public static async Task<IResult> GetSandboxPayment(string providerPaymentId, ISandboxBooks books, HospitalTime time, CancellationToken cancellationToken)
    {
        if (Check(providerPaymentId) is { } refused) return refused;
        return await books.FindAsync(providerPaymentId, cancellationToken) is { } payment
            ? TypedResults.Ok(SandboxPaymentView.From(payment, time))
            : PaymentProblems.UnknownSandboxPayment();
    }

    public static Task<IResult> PaySandboxPayment(
        string providerPaymentId, ISandboxBooks books, SandboxCallbackSender sender, HospitalTime time, CancellationToken cancellationToken) =>
        SettleAsync(providerPaymentId, SandboxStatuses.Paid, books, sender, time, cancellationToken);

    public static Task<IResult> FailSandboxPayment(
        string providerPaymentId, ISandboxBooks books, SandboxCallbackSender sender, HospitalTime time, CancellationToken cancellationToken) =>
        SettleAsync(providerPaymentId, SandboxStatuses.Failed, books, sender, time, cancellationToken);

    private static async Task<IResult> SettleAsync(
        string providerPaymentId, string status, ISandboxBooks books, SandboxCallbackSender sender, HospitalTime time, CancellationToken cancellationToken)
    {
        if (Check(providerPaymentId) is { } refused) return refused;
        if (await books.FindAsync(providerPaymentId, cancellationToken) is not { } before) return PaymentProblems.UnknownSandboxPayment();
        if (before.Status == SandboxStatuses.Paid) return TypedResults.Ok(SandboxPaymentView.From(before, time));

        var settled = await books.SettleAsync(providerPaymentId, status, "evt" + Guid.NewGuid().ToString("N"), time.Now, cancellationToken) ?? before;
        // The callback goes out now; if the service does not answer, the sandbox's retry job sends it again.
        var acknowledged = await sender.SendAsync(settled, cancellationToken);
        return TypedResults.Ok(SandboxPaymentView.From(settled, time) with { Acknowledged = acknowledged });
    }

    private static IResult? Check(string providerPaymentId)
    {
        if (ProviderPaymentId().IsMatch(providerPaymentId)) return null;
        var errors = new RequestErrors();
        errors.Add("providerPaymentId", "providerPaymentId must be 'sbx' and 32 hexadecimal digits.");
        return BookingProblems.ValidationFailed(errors);
    }

    [GeneratedRegex("^sbx[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderPaymentId();
}
