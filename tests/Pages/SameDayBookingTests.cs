using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// A number booked for this afternoon is past the hospital's cancellation deadline from the start:
/// the pages say so, from the silo's cancellableUntil, and offer no cancel button.
/// </summary>
public sealed class SameDayBookingTests(Chromium chromium) : PageTest(chromium)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task ASameDayBookingSaysItCannotBeCancelledAndOffersNoCancel(string size)
    {
        // The page silo's clock stands at 08:00 on 2026-11-30.
        var poolId = await Hospital.OpenPoolAsync(date: "2026-11-30", session: "afternoon", startTime: "13:30", quota: 5);
        var page = await SignedInAtBookingAsync(size, poolId, "Qian Ba");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        var confirmation = page.Locator("[data-reservation]");
        await Expect(confirmation).ToContainTextAsync("This booking can no longer be cancelled online.");
        await Expect(confirmation).Not.ToContainTextAsync("Cancel until");
        var reservationId = await confirmation.GetAttributeAsync("data-reservation");

        await page.GetByRole(AriaRole.Link, new() { Name = "My appointments" }).Last.ClickAsync();
        var appointment = page.Locator($"li[data-reservation='{reservationId}']");
        await Expect(appointment).ToContainTextAsync("This booking can no longer be cancelled online.");
        await Expect(appointment.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToHaveCountAsync(0);
        AssertNoScriptErrors();
    }
}
