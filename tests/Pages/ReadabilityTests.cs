using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// Every screen on a 360 px phone and on a desktop at 200 % zoom: the page never scrolls sideways
/// (wide tables scroll inside their own box). A screenshot of each screen is kept.
/// </summary>
public sealed class ReadabilityTests(Chromium chromium) : PageTest(chromium)
{
    private static readonly string[] AdminScreens =
        ["rush", "pools", "departments", "doctors", "patients", "accounts", "statistics", "audit"];

    [Theory]
    [MemberData(nameof(ScreenSize.Narrow), MemberType = typeof(ScreenSize))]
    public async Task NoScreenScrollsSideways(string size)
    {
        var poolId = await Hospital.OpenPoolAsync(date: "2026-11-30", releaseAt: "2026-11-23T08:00:00+08:00", startTime: "09:00");
        var login = await Hospital.CreateDoctorAccountAsync();
        var wide = new List<string>();

        var patient = await OpenTabAsync(size);
        foreach (var (name, hash) in new[] { ("departments", ""), ("doctors", $"#/departments/{Hospital.DepartmentId}"),
                     ("calendar", $"#/doctors/{Hospital.DoctorId}"), ("account", "#/account") })
        {
            await patient.GotoAsync(Url("/" + hash));
            await CheckAsync(patient, "patient-" + name, size, wide);
        }

        var desk = await OpenTabAsync(size);
        await desk.GotoAsync(Url("/doctor/"));
        await StaffSignInAsync(desk, login, PageHospital.DoctorPassword);
        await Expect(desk.Locator($"[data-pool='{poolId}']")).ToBeVisibleAsync();
        await CheckAsync(desk, "doctor-desk", size, wide);

        var admin = await SignedInAsAdminAsync(size);
        foreach (var screen in AdminScreens)
        {
            await admin.GotoAsync(Url($"/admin/#/{screen}"));
            await CheckAsync(admin, "admin-" + screen, size, wide);
        }
        foreach (var (name, hash) in new[] { ("department", $"#/departments/{Hospital.DepartmentId}"),
                     ("doctor", $"#/doctors/{Hospital.DoctorId}"), ("schedule", $"#/doctors/{Hospital.DoctorId}/schedule"), ("pool", $"#/pools/{poolId}") })
        {
            await admin.GotoAsync(Url("/admin/" + hash));
            await CheckAsync(admin, "admin-" + name, size, wide);
        }

        Assert.True(wide.Count == 0, "Screens wider than the window: " + string.Join(", ", wide));
        AssertNoScriptErrors();
    }

    private static async Task CheckAsync(IPage page, string name, string size, List<string> wide)
    {
        // Each screen draws a heading once its data is in; the width is measured then.
        await Expect(page.Locator("main h2").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0) wide.Add($"{name} by {overflow} px");
        await Screenshots.SaveAsync(page, name, size);
    }
}
