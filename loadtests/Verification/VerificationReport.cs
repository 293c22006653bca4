namespace OrleansBooking.LoadTests.Verification;

/// <summary>What the verifier checked and what it found.</summary>
public sealed record VerificationReport(int PoolsChecked, long ActiveReservations, int Acknowledgements, IReadOnlyList<Violation> Violations)
{
    public bool Passed => Violations.Count == 0;
}
