using System.Net;
using Microsoft.Playwright;
using OrleansBooking.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>A doctor's morning on the doctor's page: the list in number order with masked names, arrivals, calls, a no-show, a stop-clinic request.</summary>
public sealed class DoctorsMorningTests(Chromium chromium) : PageTest(chromium)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task ADoctorRunsTheMorningClinic(string size)
    {
        // Today (30 Nov), 06:00–06:30: the fake clock stands at 08:00, so the session and its
        // no-show grace are over and every button of the doctor's day is open.
        var poolId = await Hospital.OpenPoolAsync(date: "2026-11-30", releaseAt: "2026-11-23T08:00:00+08:00", quota: 3, startTime: "06:00");
        foreach (var name in new[] { "Zhang San", "Li Si", "Wang Wu" })
        {
            var (mobile, patientId) = await Silo.SignUpPatientAsync(name);
            (await Silo.BookAsync(mobile, poolId, patientId)).EnsureSuccessStatusCode();
        }
        var login = await Hospital.CreateDoctorAccountAsync();

        var page = await OpenTabAsync(size);
        await page.GotoAsync(Url("/doctor"));
        await StaffSignInAsync(page, login, PageHospital.DoctorPassword);

        var rows = page.Locator($"[data-pool='{poolId}'] tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        // Number order, and names masked: enough to call a patient, not to identify one.
        await Expect(rows.Nth(0)).ToContainTextAsync("1Z**** S**");
        await Expect(rows.Nth(1)).ToContainTextAsync("2L* S*");
        await Expect(rows.Nth(2)).ToContainTextAsync("3W*** W*");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Zhang San");

        await page.GetByRole(AriaRole.Button, new() { Name = "Check in 1", Exact = true }).ClickAsync();
        await Expect(rows.Nth(0)).ToContainTextAsync("Checked in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in 2", Exact = true }).ClickAsync();
        await Expect(rows.Nth(1)).ToContainTextAsync("Checked in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Call next" }).ClickAsync();
        await Expect(page.GetByText("Number 1, Z**** S**, please come in")).ToBeVisibleAsync();
        await Expect(rows.Nth(0)).ToContainTextAsync("In consultation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete 1", Exact = true }).ClickAsync();
        await Expect(rows.Nth(0)).ToContainTextAsync("Completed");
        await page.GetByRole(AriaRole.Button, new() { Name = "No-show 3", Exact = true }).ClickAsync();
        await Expect(rows.Nth(2)).ToContainTextAsync("No-show");
        await page.GetByRole(AriaRole.Button, new() { Name = "Call next" }).ClickAsync();
        await Expect(rows.Nth(1)).ToContainTextAsync("In consultation");
        await Screenshots.SaveAsync(page, "doctor-day", size);

        await page.GetByLabel("Reason (the patients are told)").FillAsync("Dr. Li is called to theatre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send stop-clinic request" }).ClickAsync();
        await Expect(page.GetByText("Stop-clinic request sent; the hospital will act on it.")).ToBeVisibleAsync();

        using var stored = await Silo.Admin.GetAsync($"/api/pools/{poolId}/day-list");
        var statuses = (await stored.ReadAsync(HttpStatusCode.OK)).GetProperty("reservations").EnumerateArray()
            .Select(r => r.Str("status")).ToArray();
        Assert.Equal(["completed", "in_consultation", "no_show"], statuses);
        // A request, not a stop: the pool is still open.
        Assert.Equal("open", (await Silo.GetPoolAsync(poolId)).Str("status"));
        AssertNoScriptErrors();
    }
}
