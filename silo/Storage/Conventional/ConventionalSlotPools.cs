using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Conventional;

/// <summary>Slot pools the way a typical booking system serves them: no memory, one locking transaction per call.</summary>
internal sealed class ConventionalSlotPools(SqlDialect dialect, TimeProvider clock, SlotPoolRules rules, DoctorsDayOptions doctorsDay)
    : ISlotPoolGrainFactory
{
    private readonly TimeZoneInfo zone = rules.TimeZone;

    public ISlotPoolGrain GetSlotPool(string poolId) => new ConventionalSlotPool(poolId, dialect, clock, rules, doctorsDay, zone);
}
