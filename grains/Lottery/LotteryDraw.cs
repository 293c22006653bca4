using System.Security.Cryptography;
using System.Text;

namespace OrleansBooking.Grains.Lottery;

/// <summary>
/// The draw among a pool's entries. Each entry's place is HMAC-SHA256(seed, patient id): the
/// entries are ranked by it, the first <c>numbers</c> win, and the winners take the free numbers in
/// rank order. So the result depends on the seed and on who entered — not on when or how often
/// they asked, which is what makes sending faster worthless — and anyone holding the seed and the
/// list of entries can recompute it. A fixed algorithm rather than <see cref="Random"/>, whose
/// sequence for a seed the runtime does not promise to keep.
/// </summary>
public static class LotteryDraw
{
    /// <summary>
    /// Draws <paramref name="freeNumbers"/> (ascending) among <paramref name="patientIds"/> (any
    /// order, each once). Returns every entry with its rank, and the number it won or null.
    /// </summary>
    public static IReadOnlyList<LotteryTicket> Draw(LotterySeed seed, IEnumerable<string> patientIds, IReadOnlyList<int> freeNumbers)
    {
        using var hmac = new HMACSHA256(seed.ToBytes());
        var ranked = patientIds
            .Select(patientId => (PatientId: patientId, Place: hmac.ComputeHash(Encoding.UTF8.GetBytes(patientId))))
            .OrderBy(entry => entry.Place, PlaceOrder.Instance)
            // Two patients cannot share a 256-bit place in practice; the id keeps the order total anyway.
            .ThenBy(entry => entry.PatientId, StringComparer.Ordinal)
            .ToList();
        if (ranked.Select(e => e.PatientId).Distinct(StringComparer.Ordinal).Count() != ranked.Count)
            throw new ArgumentException("A patient may enter a draw once.", nameof(patientIds));

        return ranked
            .Select((entry, index) => new LotteryTicket(entry.PatientId, index + 1, index < freeNumbers.Count ? freeNumbers[index] : null))
            .ToList();
    }

    private sealed class PlaceOrder : IComparer<byte[]>
    {
        public static readonly PlaceOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
