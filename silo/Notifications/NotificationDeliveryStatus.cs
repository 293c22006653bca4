namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// How the sender has been doing on this silo: failed attempts since the last delivered message.
/// Only the silo that runs the dispatcher (one per cluster) sends, so only its count moves.
/// </summary>
public sealed class NotificationDeliveryStatus
{
    private long failuresInARow;
    private string? lastError;

    public long FailuresInARow => Interlocked.Read(ref failuresInARow);

    public string? LastError => Volatile.Read(ref lastError);

    public void Delivered() => Interlocked.Exchange(ref failuresInARow, 0);

    public void Failed(string error)
    {
        Volatile.Write(ref lastError, error);
        Interlocked.Increment(ref failuresInARow);
    }
}
