using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting.Payment;

/// <summary>Payment at booking: the backstop that expires holds a lost silo left behind (the rules are the slot pools').</summary>
public static class PaymentServices
{
    /// <summary>Needs the hospital read models (registered by the doctor's-day services).</summary>
    public static IServiceCollection AddPayment(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().HoldsToExpire);
        services.AddClusterJob<IHoldExpirySweepGrain>();
        return services;
    }
}
