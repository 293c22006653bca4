namespace OrleansBooking.Grains.SlotPools;

/// <summary>What a pool looks like from outside: cheap to copy, immutable, safe to read from any thread.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.SlotPoolSnapshot")]
public sealed record SlotPoolSnapshot(PoolDefinition Definition, PoolStatus StoredStatus, int Booked, long Version)
{
    public string PoolId => Definition.PoolId;

    public int Quota => Definition.Quota;

    public int Remaining => Math.Max(0, Definition.Quota - Booked);

    /// <summary>The status as a patient sees it at <paramref name="now"/>: an open pool is "scheduled" until its release.</summary>
    public PoolStatus StatusAt(DateTimeOffset now) =>
        StoredStatus == PoolStatus.Open && now < Definition.ReleaseAt ? PoolStatus.Scheduled : StoredStatus;

    /// <summary>Folds a committed change into the snapshot.</summary>
    public SlotPoolSnapshot After(SlotPoolChange change) => change switch
    {
        ReservationMade => this with { Booked = Booked + 1 },
        ReservationCancelled => this with { Booked = Booked - 1 },
        ReservationStatusChanged moved when moved.From.HoldsNumber() && !moved.To.HoldsNumber() => this with { Booked = Booked - 1 },
        QuotaChanged q => this with { Definition = Definition with { Quota = q.Quota } },
        ReleaseRescheduled r => this with { Definition = Definition with { ReleaseAt = r.ReleaseAt } },
        PoolStatusChanged s => this with { StoredStatus = s.Status },
        AllocationChanged a => this with { Definition = Definition with { LotteryWindow = a.Window, LotterySeed = a.Seed } },
        _ => this,
    };
}
