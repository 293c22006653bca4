using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>The statistics screen: its date range stated, and charts drawn from the same figures as the table.</summary>
public sealed class StatisticsChartTests(Chromium chromium) : PageTest(chromium)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task TheChartsShowBookingsFillRateAndSellOutForTheStatedDates(string size)
    {
        // Two pools on 2 December: one of 4 numbers with 1 booked, one of 1 number sold out.
        var open = await Hospital.OpenPoolAsync(quota: 4);
        var full = await Hospital.OpenPoolAsync(session: "afternoon", startTime: "13:30", quota: 1);
        foreach (var poolId in new[] { open, full })
        {
            var (mobile, patientId) = await Silo.SignUpPatientAsync("Qian " + poolId[..4]);
            (await Silo.BookAsync(mobile, poolId, patientId)).EnsureSuccessStatusCode();
        }

        var page = await SignedInAsAdminAsync(size);
        await NavigateAsync(page, "Statistics");
        await Expect(page.Locator("[data-range]")).ToContainTextAsync("Visit dates 2026-11-23 to 2026-12-07 (both included)");

        var departments = page.Locator("[data-statistics='departments']");
        var charts = departments.Locator("figure");
        await Expect(charts.Nth(0)).ToContainTextAsync($"{PageHospital.DepartmentName}: 2 booked of 5");
        await Expect(charts.Nth(0).Locator("rect[data-value='2']")).ToHaveCountAsync(1);
        await Expect(charts.Nth(1)).ToContainTextAsync($"{PageHospital.DepartmentName}: 40%");
        Assert.Equal("40%", await charts.Nth(1).Locator("rect[data-value]").GetAttributeAsync("width"));
        await Expect(charts.Nth(2)).ToContainTextAsync($"{PageHospital.DepartmentName}: ");
        await Expect(departments.Locator("tbody tr")).ToContainTextAsync(PageHospital.DepartmentName + "52");
        await Expect(page.Locator("[data-statistics='days'] figure").Nth(0)).ToContainTextAsync("2026-12-02: 2 booked of 5");
        await Screenshots.SaveAsync(page, "admin-statistics-charts", size);

        // A span the API refuses (to before from): its problem, told by its code, and no chart.
        await page.GetByLabel("From").FillAsync("2026-12-05");
        await page.GetByLabel("To").FillAsync("2026-12-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please check: to must be on or after from");
        await Expect(page.Locator("svg.chart")).ToHaveCountAsync(0);
        AssertNoScriptErrors();
    }
}
