namespace OrleansBooking.Grains.Lottery;

/// <summary>
/// A pool's draw in memory: the entries made during the window (one per patient) and, once drawn,
/// every entry's ticket. Drawn is recorded with the result, so a pool draws once.
/// </summary>
public sealed class PoolLottery
{
    private readonly Dictionary<string, LotteryEntry> entries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<LotteryEntry> Entries => entries.Values;

    /// <summary>Null until the draw; then every entry's rank and number won (or none).</summary>
    public IReadOnlyList<LotteryTicket>? Tickets { get; private set; }

    public DateTimeOffset? DrawnAt { get; private set; }

    public bool IsDrawn => DrawnAt is not null;

    public LotteryEntry? EntryOf(string patientId) => entries.GetValueOrDefault(patientId);

    public void Enter(LotteryEntry entry)
    {
        if (IsDrawn) throw new InvalidOperationException("A drawn pool takes no more entries.");
        if (!entries.TryAdd(entry.PatientId, entry))
            throw new InvalidOperationException($"Patient {entry.PatientId} entered the draw twice.");
    }

    public void RecordDraw(IReadOnlyList<LotteryTicket> tickets, DateTimeOffset drawnAt)
    {
        if (IsDrawn) throw new InvalidOperationException("A pool draws once.");
        Tickets = tickets;
        DrawnAt = drawnAt;
    }

    /// <summary>A draw read back from storage: <paramref name="tickets"/> and <paramref name="drawnAt"/> null while undrawn.</summary>
    public static PoolLottery Restore(IEnumerable<LotteryEntry> entries, IReadOnlyList<LotteryTicket>? tickets, DateTimeOffset? drawnAt)
    {
        var lottery = new PoolLottery();
        foreach (var entry in entries) lottery.entries.Add(entry.PatientId, entry);
        lottery.Tickets = drawnAt is null ? null : tickets;
        lottery.DrawnAt = drawnAt;
        return lottery;
    }

    public PoolLottery Copy()
    {
        var copy = new PoolLottery();
        foreach (var entry in entries.Values) copy.entries.Add(entry.PatientId, entry);
        copy.Tickets = Tickets;
        copy.DrawnAt = DrawnAt;
        return copy;
    }
}
