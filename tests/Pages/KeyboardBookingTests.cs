using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>A patient books with the keyboard alone: Tab to each link or button, Enter to follow or press it.</summary>
public sealed class KeyboardBookingTests(Chromium chromium) : PageTest(chromium)
{
    // More Tabs than any screen has controls: a control never reached is a failure, not a hang.
    private const int MaxTabs = 40;

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task APatientBooksWithTheKeyboardOnly(string size)
    {
        var poolId = await Hospital.OpenPoolAsync(quota: 5);
        var page = await SignedInAtBookingAsync(size, poolId, "Sun Qi");
        await page.GotoAsync(Url("/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a department" })).ToBeVisibleAsync();

        await TabAndEnterAsync(page, PageHospital.DepartmentName);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = PageHospital.DoctorName, Exact = true })).ToBeVisibleAsync();
        await TabAndEnterAsync(page, "See calendar");
        await Expect(page.Locator($"[data-pool='{poolId}']")).ToBeVisibleAsync();
        await TabAndEnterAsync(page, "Book 2026-12-02 Morning");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm the booking" })).ToBeVisibleAsync();
        await TabAndEnterAsync(page, "Confirm booking");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booked" })).ToBeVisibleAsync();

        Assert.Equal(1, (await Silo.GetPoolAsync(poolId)).GetProperty("booked").GetInt32());
        AssertNoScriptErrors();
    }

    /// <summary>Presses Tab until the focused control is named <paramref name="name"/> (its label or text), then Enter.</summary>
    private static async Task TabAndEnterAsync(IPage page, string name)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return (e.getAttribute('aria-label') ?? e.textContent ?? '').trim(); }");
            if (focused != name) continue;
            await page.Keyboard.PressAsync("Enter");
            return;
        }
        Assert.Fail($"No control named \"{name}\" was reached with {MaxTabs} Tabs.");
    }
}
