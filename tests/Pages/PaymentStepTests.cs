using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansBooking.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>With payment at booking the confirmation is a payment step: the fee, the time left, and the sandbox's pay page.</summary>
public sealed class PaymentStepTests(Chromium chromium) : PageTest(chromium)
{
    protected override void Configure(PageSilo silo)
    {
        silo.With("Booking:Payment:Mode", "at-booking");
        silo.With("Booking:Payment:Sandbox:Secret", Payment.PaymentSilo.Secret);
    }

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task APatientPaysAHeldNumberOnThePayPageAndSeesItBooked(string size)
    {
        var poolId = await Hospital.OpenPoolAsync();
        var page = await SignedInAtBookingAsync(size, poolId, "Sun Qi");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your number is held: pay to keep it" })).ToBeVisibleAsync();
        var step = page.Locator("[data-test=payment-step]");
        await Expect(step.Locator("[data-test=fee]")).ToHaveTextAsync("Fee ¥12.50");
        await Expect(step.Locator("[data-test=hold-countdown]")).ToHaveTextAsync(new Regex(@"^Time left to pay 1[45]:\d\d$"));
        var reservationId = await page.Locator("[data-reservation]").GetAttributeAsync("data-reservation");
        await step.GetByRole(AriaRole.Button, new() { Name = "Pay ¥12.50" }).ClickAsync();

        // The provider's hosted page: pay there, and the provider tells the hospital.
        await Expect(page).ToHaveURLAsync(new Regex(@"/sandbox-pay/\?payment=sbx[0-9a-f]{32}$"));
        await Expect(page.Locator("[data-test=amount]")).ToHaveTextAsync("¥12.50");
        await page.Locator("[data-test=pay]").ClickAsync();
        await Expect(page.Locator("[data-test=status]")).ToContainTextAsync("Paid");
        await page.Locator("[data-test=back]").ClickAsync();

        var appointment = page.Locator($"li[data-reservation='{reservationId}']");
        await Expect(appointment).ToContainTextAsync("Booked");
        Assert.Equal("booked", (await Silo.Admin.GetAsync($"/api/reservations/{reservationId}").ContinueWith(r => r.Result.ReadAsync(System.Net.HttpStatusCode.OK)).Unwrap()).Str("status"));
        AssertNoScriptErrors();
    }
}
