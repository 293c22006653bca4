using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Payments;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting.SlotPools;

/// <summary>Slot pools: the hospital's rules, the grains' options, the pools' storage and the engine that decides.</summary>
public static class SlotPoolsServices
{
    /// <summary>Needs the booking store (registered by the booking services).</summary>
    public static IServiceCollection AddSlotPools(this IServiceCollection services)
    {
        services.AddValidatedOptions<GrainOptions>(GrainOptions.SectionName, GrainOptionsValidator.Validate);
        services.AddValidatedOptions<SlotPoolRules>(SlotPoolRules.SectionName, rules => rules.Validate());
        services.AddValidatedOptions<BookingEngineOptions, BookingEngineOptionsValidation>(BookingEngineOptions.SectionName);
        services.AddValidatedOptions<PaymentRules, PaymentRulesValidation>(PaymentRules.SectionName);
        services.AddSingleton(sp => sp.GetRequiredService<IBookingStore>().SlotPools);
        services.AddSingleton(sp => sp.GetRequiredService<IBookingStore>().Reservations);
        services.AddSingleton(CreateSlotPools);
        services.AddSingleton<SoldOutViews>();
        // Replaced by the patients' listener (AddPatients), whose limits count the numbers a draw gives.
        services.TryAddSingleton<IDrawListener, IgnoreDraws>();
        return services;
    }

    // The one place the engine is chosen: Orleans grains, or the conventional engine kept for comparison.
    private static ISlotPoolGrainFactory CreateSlotPools(IServiceProvider sp)
    {
        if (sp.GetRequiredService<IOptions<BookingEngineOptions>>().Value.Engine != BookingEngineOptions.Conventional)
            return new OrleansSlotPools(sp.GetRequiredService<IGrainFactory>());
        return sp.GetRequiredService<IBookingStore>().CreateConventionalEngine(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SlotPoolRules>>().Value,
            sp.GetRequiredService<IOptions<DoctorsDayOptions>>().Value);
    }
}
