using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>08:00 on the hospital's page: the rush board shows a pool selling out, an admin raises its quota, the board follows.</summary>
public sealed class RushBoardTests(Chromium chromium) : PageTest(chromium)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task AnAdminRaisesAQuotaDuringAReleaseAndTheBoardShowsIt(string size)
    {
        // Released this instant (08:00 on the fake clock), three numbers, five patients.
        var poolId = await Hospital.OpenPoolAsync(quota: 3, releaseAt: "2026-11-30T08:00:00+08:00");
        var patients = new List<(string Mobile, string PatientId)>();
        for (var i = 0; i < 6; i++) patients.Add(await Silo.SignUpPatientAsync($"Patient {i}"));
        var answers = await Task.WhenAll(patients.Take(5).Select(p => Silo.BookAsync(p.Mobile, poolId, p.PatientId)));
        Assert.Equal(3, answers.Count(a => a.IsSuccessStatusCode));
        // Attempts per second are of the last whole second: let it end.
        Silo.Clock.Advance(TimeSpan.FromSeconds(1));

        var page = await OpenTabAsync(size);
        await page.GotoAsync(Url("/admin"));
        await StaffSignInAsync(page, PageSilo.AdminLogin, PageSilo.AdminPassword);

        var row = page.Locator($"tr[data-pool='{poolId}']");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live rush board" })).ToBeVisibleAsync();
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("0 of 3");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("5");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("5 · booked 3 · sold out 2 · not released 0 · refused 0 · failed 0");

        await row.GetByRole(AriaRole.Link, new() { Name = "Change" }).ClickAsync();
        await page.GetByLabel("Quota").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save quota" }).ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Rush board" }).Last.ClickAsync();
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("7 of 10");

        // The board refreshes itself: a booking made while it is shown appears without a reload.
        var last = patients[5];
        (await Silo.BookAsync(last.Mobile, poolId, last.PatientId)).EnsureSuccessStatusCode();
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("6 of 10");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("6 · booked 4 · sold out 2 · not released 0 · refused 0 · failed 0");
        await Screenshots.SaveAsync(page, "rush-board", size);
        Assert.Equal(10, (await Silo.GetPoolAsync(poolId)).GetProperty("quota").GetInt32());
        AssertNoScriptErrors();
    }
}
