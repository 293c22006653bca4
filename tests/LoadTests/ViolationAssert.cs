using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>The verifier tests' one assertion: a broken state is reported, and for the reason the test broke it.</summary>
public static class ViolationAssert
{
    public static void Only(ViolationKind expected, IReadOnlyList<Violation> violations)
    {
        Assert.True(violations.Count > 0, $"expected a {expected} violation, none was found");
        var kinds = violations.Select(v => v.Kind).Distinct().ToList();
        Assert.True(kinds.SequenceEqual([expected]), $"expected only {expected}, found: {string.Join("; ", violations)}");
    }

    public static void None(IReadOnlyList<Violation> violations) =>
        Assert.True(violations.Count == 0, "expected no violation, found: " + string.Join("; ", violations));
}
