using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Tests.Patients;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    // Check characters computed by hand from ISO 7064 MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
    // sum mod 11 indexes "10X98765432"); the first is the example of GB 11643-1999 itself.
    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)]
    [InlineData("440524198001010013", "1980-01-01", Sex.Male)]
    [InlineData("320106199003071234", "1990-03-07", Sex.Male)]
    [InlineData("110101200002294561", "2000-02-29", Sex.Female)]
    [InlineData("370283198511110028", "1985-11-11", Sex.Female)]
    public void AValidNumberGivesItsBirthDateAndSex(string value, string birthDate, Sex sex)
    {
        var parsed = ResidentIdNumber.Parse(value, Today, out var problem);

        Assert.True(parsed is not null, $"Expected {value} to be valid, got: {problem}");
        Assert.Equal((DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), sex), (parsed.BirthDate, parsed.Sex));
    }

    [Fact]
    public void ALowerCaseXIsNormalised()
    {
        Assert.Equal("11010519491231002X", ResidentIdNumber.Parse("11010519491231002x", Today, out _)?.Value);
    }

    [Theory]
    [InlineData("110105194912310021", "check")]   // right digits, wrong check character (X expected)
    [InlineData("440524198001010014", "check")]   // 3 expected
    [InlineData("320106199003071235", "check")]
    [InlineData("11010519491231002", "18 characters")]
    [InlineData("1101051949123100211", "18 characters")]
    [InlineData("11010519491231A02X", "18 characters")]
    [InlineData("110101199002304568", "birth date")] // 30 February
    [InlineData("110101203001014568", "birth date")] // born in 2030
    [InlineData("110101189912314563", "birth date")] // before 1900
    public void AnInvalidNumberIsRefusedWithTheReason(string value, string reason)
    {
        var parsed = ResidentIdNumber.Parse(value, Today, out var problem);

        Assert.Null(parsed);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MaskingKeepsTheFirstThreeAndLastFour()
    {
        Assert.Equal(("110***********002X", "139****5678"),
            (ResidentIdMasking.MaskResidentId("11010519491231002X"), ResidentIdMasking.MaskPhone("13912345678")));
    }
}
