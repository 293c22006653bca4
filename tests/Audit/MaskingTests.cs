using OrleansBooking.Api.Validation;

namespace OrleansBooking.Tests.Audit;

/// <summary>Phone numbers and resident IDs never reach a reader other than their owner in full.</summary>
public sealed class MaskingTests
{
    [Fact]
    public void APhoneKeepsItsFirstThreeAndLastFourDigits() => Assert.Equal("139****5678", PhoneMasking.Mask("13912345678"));

    [Fact]
    public void TheOldPhoneMaskingNameGivesTheSameAnswer() =>
        Assert.Equal(PhoneMasking.Mask("13912345678"), ResidentIdMasking.MaskPhone("13912345678"));

    [Theory]
    [InlineData("login 13912345678", "login 139****5678")]
    [InlineData("13912345678", "139****5678")]
    [InlineData("/api/accounts/13912345678/patients", "/api/accounts/139****5678/patients")]
    [InlineData("手机13912345678号", "手机139****5678号")]
    [InlineData("id 11010519491231002X.", "id 110***********002X.")]
    [InlineData("id 11010519491231002x", "id 110***********002x")]
    [InlineData("+8613912345678", "+861******5678")]
    [InlineData("two: 13912345678, 13800001111", "two: 139****5678, 138****1111")]
    public void FreeTextMasksEveryFreeStandingLongNumber(string text, string masked) => Assert.Equal(masked, FreeTextMasking.Mask(text));

    [Theory]
    // Generated ids: hex with long digit runs inside (about one in eight has 11 in a row).
    [InlineData("/api/reservations/a13912345678b0c0d0e0f0a0b0c0d0e0f")]
    [InlineData("/api/pools/pool-1/reservations")]
    [InlineData("quota 1000 of 10000")]
    [InlineData("1391234567")]
    [InlineData("res-13912345678x7")]
    public void FreeTextLeavesShortNumbersAndDigitsInsideIdsAlone(string text) => Assert.Equal(text, FreeTextMasking.Mask(text));
}
