using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>A patient's whole path on the patient page: sign up with the SMS code, add a family patient, book, see the confirmation, cancel.</summary>
public sealed class PatientPathTests(Chromium chromium) : PageTest(chromium)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task APatientSignsUpBooksAndCancels(string size)
    {
        var open = await Hospital.OpenPoolAsync(quota: 30);
        var later = await Hospital.OpenPoolAsync(date: "2026-12-07", releaseAt: "2026-11-30T08:00:00+08:00", session: "afternoon", startTime: "13:30");
        await Silo.Admin.PatchPoolAsync(later, """{"releaseAt": "2026-12-01T08:00:00+08:00"}""", HttpStatusCode.OK);
        var full = await Hospital.OpenPoolAsync(date: "2026-12-03", quota: 1);
        var (otherMobile, otherPatient) = await Silo.SignUpPatientAsync("Wang Wu");
        (await Silo.BookAsync(otherMobile, full, otherPatient)).EnsureSuccessStatusCode();

        var page = await OpenTabAsync(size, english: false);
        await page.GotoAsync(Url("/"));
        // Chinese unless the reader switches.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "选择科室" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a department" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = PageHospital.DepartmentName }).ClickAsync();
        // The doctor's name is markup, shown as the text it is.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = PageHospital.DoctorName, Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See calendar" }).ClickAsync();

        var calendar = page.Locator("main");
        await Expect(calendar.Locator($"[data-pool='{full}']")).ToContainTextAsync("Sold out");
        await Expect(calendar.Locator($"[data-pool='{later}']")).ToContainTextAsync("Opens at 08:00 on 2026-12-01");
        await Expect(calendar.Locator($"[data-pool='{later}']")).ToContainTextAsync(new Regex(@"in 2\d:\d\d:\d\d"));
        await Expect(calendar.Locator($"[data-pool='{open}']")).ToContainTextAsync("30 of 30 numbers left");
        await Screenshots.SaveAsync(page, "patient-calendar", size);
        await page.GetByRole(AriaRole.Link, new() { Name = "Book 2026-12-02 Morning" }).ClickAsync();

        // Not signed in yet: sign up on the way.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in / up" }).First.ClickAsync();
        var signUp = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Sign up" }) });
        var mobile = "137" + Random.Shared.Next(10_000_000, 99_999_999);
        await signUp.GetByLabel("Mobile number").FillAsync(mobile);
        await signUp.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await Expect(page.GetByText("The code is on its way.")).ToBeVisibleAsync();
        await signUp.GetByLabel("SMS code").FillAsync(Silo.Codes.LastCode(mobile, CodePurpose.Register));
        await signUp.GetByLabel("Password").FillAsync("a long passphrase");
        await signUp.GetByRole(AriaRole.Button, new() { Name = "Sign up and sign in" }).ClickAsync();

        // The new account has nobody to book for: add a family patient, then back to the booking.
        await Expect(page.GetByText("Add a patient first.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a patient" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Zhang San");
        await page.GetByLabel("Resident ID number").FillAsync("11010519491231002X");
        await page.GetByLabel("Mobile number").FillAsync(mobile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm the booking" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Patient")).ToContainTextAsync("Zhang San");
        await Screenshots.SaveAsync(page, "patient-booking", size);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();

        var confirmation = page.Locator("[data-reservation]");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booked" })).ToBeVisibleAsync();
        await Expect(confirmation).ToContainTextAsync("Number 1");
        await Expect(confirmation).ToContainTextAsync("Estimated visit: 2026-12-02 08:00");
        await Expect(confirmation).ToContainTextAsync("Cancel until 2026-12-01 15:00");
        var reservationId = await confirmation.GetAttributeAsync("data-reservation");
        await Screenshots.SaveAsync(page, "patient-confirmation", size);

        await page.GetByRole(AriaRole.Link, new() { Name = "My appointments" }).Last.ClickAsync();
        var appointment = page.Locator($"li[data-reservation='{reservationId}']");
        await Expect(appointment).ToContainTextAsync("Booked");
        await appointment.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await appointment.GetByRole(AriaRole.Button, new() { Name = "Cancel number 1 on 2026-12-02 Morning?" }).ClickAsync();
        await Expect(appointment).ToContainTextAsync("Cancelled.");

        var pool = await Silo.GetPoolAsync(open);
        Assert.Equal(0, pool.Int("booked"));
        using var stored = await Silo.Admin.GetAsync($"/api/reservations/{reservationId}");
        Assert.Equal("cancelled", (await stored.ReadAsync(HttpStatusCode.OK)).Str("status"));
        AssertNoScriptErrors();
    }
}
