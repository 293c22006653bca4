namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// Told after a no-show is durable, so the patient's record can count it (suspension after
/// repeated no-shows). Until the patient grain takes this over, <see cref="IgnoreNoShows"/> is used.
/// </summary>
public interface INoShowListener
{
    Task NoShowRecordedAsync(Reservation noShow, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>The listener while nothing counts no-shows: it does nothing.</summary>
public sealed class IgnoreNoShows : INoShowListener
{
    public Task NoShowRecordedAsync(Reservation noShow, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;
}
