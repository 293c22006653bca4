namespace OrleansBooking.Silo.Hosting.Payment;

/// <summary>Pools with a hold whose time is up in the database (a read of committed rows; the pool grain decides).</summary>
public interface IHoldsToExpire
{
    Task<IReadOnlyList<string>> FindPoolsAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
