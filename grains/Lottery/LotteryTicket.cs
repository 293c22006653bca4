namespace OrleansBooking.Grains.Lottery;

/// <summary>
/// One entry's result in a draw: its <paramref name="Rank"/> (1 drew first) and the
/// <paramref name="SequenceNumber"/> it won, or null when the numbers ran out before its rank.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.LotteryTicket")]
public sealed record LotteryTicket(string PatientId, int Rank, int? SequenceNumber)
{
    public bool Won => SequenceNumber is not null;
}
