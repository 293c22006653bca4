using System.Globalization;

namespace OrleansBooking.LoadTests.Verification;

/// <summary>
/// Presses a variant's checks let go either way because they were sent and cut off before an answer
/// (the drain deadline), and how many of them the service's read-back shows as having taken effect:
/// reported, so a reader sees how much of the run went unchecked.
/// </summary>
public sealed record UnknownOutcomes(int Presses, int ShownTaken)
{
    public static readonly UnknownOutcomes None = new(0, 0);

    /// <param name="taken">What taking effect reads as, e.g. <c>paid</c>.</param>
    public string Describe(string taken) =>
        Presses == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{Presses:N0} (the service shows {ShownTaken:N0} {taken}, {Presses - ShownTaken:N0} not)");
}
