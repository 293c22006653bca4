using Microsoft.Extensions.Options;
using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Payments.Sandbox;
using OrleansBooking.Grains.Payments;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting.Payment;

/// <summary>
/// Payment at booking: the backstop that expires holds a lost silo left behind (the rules are the
/// slot pools'), the provider (the built-in sandbox), callbacks, refunds and reconciliation.
/// </summary>
public static class PaymentServices
{
    /// <summary>Needs the hospital read models (registered by the doctor's-day services).</summary>
    public static IServiceCollection AddPayment(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().HoldsToExpire);
        services.AddClusterJob<IHoldExpirySweepGrain>();

        services.AddValidatedOptions<PaymentProviderOptions>(PaymentProviderOptions.SectionName, o => o.Validate());
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>>(sp => new SandboxOptionsValidation(sp.GetRequiredService<IOptions<PaymentRules>>()));
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().PaymentLedger);
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().SandboxBooks);
        services.AddSingleton<IPaymentProvider, SandboxProvider>();
        services.AddHttpClient(SandboxCallbackSender.ClientName);
        services.AddSingleton<SandboxCallbackSender>();
        services.AddSingleton<PaymentCallbacks>();
        services.AddSingleton<RefundRun>();
        services.AddScoped<Reconciliation>();
        services.AddClusterJob<IRefundJobGrain>();
        services.AddClusterJob<ISandboxCallbackRetryGrain>();
        return services;
    }

    // The secret is needed only while some department can hold a number for payment.
    private sealed class SandboxOptionsValidation(IOptions<PaymentRules> rules) : IValidateOptions<SandboxOptions>
    {
        public ValidateOptionsResult Validate(string? name, SandboxOptions options) => ValidatedOptions.ToResult(options.Validate(!rules.Value.IsOff));
    }
}
