using Microsoft.Extensions.Options;
using OrleansBooking.Grains.Waitlist;
using OrleansBooking.Silo.Hosting.SlotPools;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting.Waitlist;

/// <summary>
/// The waitlist and the draw: the waitlist's rules, the read of how many lists a patient is on, and
/// the draws' audit and entries (the queues and draws themselves live in the pool grains).
/// </summary>
public static class WaitlistServices
{
    /// <summary>Needs the hospital read models (registered by the doctor's-day services) and the engine options.</summary>
    public static IServiceCollection AddWaitlist(this IServiceCollection services)
    {
        services.AddValidatedOptions<WaitlistRules>(WaitlistRules.SectionName, rules => rules.Validate());
        // The queue and its offers are decided in the pool grain: the conventional engine has neither.
        // Read from the setting itself, not the validated engine options: a bad engine is then
        // reported once, by its own validation, instead of again through every option that reads it.
        services.AddSingleton<IPostConfigureOptions<WaitlistRules>>(sp => new PostConfigureOptions<WaitlistRules>(Options.DefaultName,
            rules => rules.Available = EngineSetting(sp.GetRequiredService<IConfiguration>()) != BookingEngineOptions.Conventional));
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().WaitlistRecords);
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().AccountWaitlists);
        // The draw's audit and "my draws" read committed rows too.
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().LotteryRecords);
        return services;
    }

    private static string EngineSetting(IConfiguration configuration) =>
        configuration[$"{BookingEngineOptions.SectionName}:{nameof(BookingEngineOptions.Engine)}"] ?? BookingEngineOptions.DefaultEngine;
}
