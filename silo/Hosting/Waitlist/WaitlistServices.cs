using Microsoft.Extensions.Options;
using OrleansBooking.Grains.Waitlist;
using OrleansBooking.Silo.Hosting.SlotPools;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting.Waitlist;

/// <summary>The waitlist: its rules, and the read of how many lists a patient is on (the queues themselves live in the pool grains).</summary>
public static class WaitlistServices
{
    /// <summary>Needs the hospital read models (registered by the doctor's-day services) and the engine options.</summary>
    public static IServiceCollection AddWaitlist(this IServiceCollection services)
    {
        services.AddValidatedOptions<WaitlistRules>(WaitlistRules.SectionName, rules => rules.Validate());
        // The queue and its offers are decided in the pool grain: the conventional engine has neither.
        services.AddSingleton<IPostConfigureOptions<WaitlistRules>>(sp => new PostConfigureOptions<WaitlistRules>(Options.DefaultName,
            rules => rules.Available = sp.GetRequiredService<IOptions<BookingEngineOptions>>().Value.Engine != BookingEngineOptions.Conventional));
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().WaitlistRecords);
        return services;
    }
}
