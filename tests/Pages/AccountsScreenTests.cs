using Microsoft.Playwright;
using OrleansBooking.Tests.Catalogue;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// The accounts screen: an admin makes a doctor's account that then runs the doctor's desk, signs it
/// out everywhere, gives it a new password, and disables it.
/// </summary>
public sealed class AccountsScreenTests(Chromium chromium) : PageTest(chromium)
{
    private const string FirstPassword = "first desk passphrase";
    private const string NewPassword = "second desk passphrase";

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task ADoctorAccountMadeOnTheAccountsScreenRunsTheDoctorsDesk(string size)
    {
        var login = "desk" + CatalogueCalls.NewId("x").Replace("-", "", StringComparison.Ordinal);
        var admin = await SignedInAsAdminAsync(size);
        await NavigateAsync(admin, "Accounts");
        var create = admin.Locator("form", new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "New staff account" }) });
        await create.GetByLabel("Role").SelectOptionAsync("admin");
        await Expect(create.GetByLabel("Doctor")).ToBeHiddenAsync();
        await create.GetByLabel("Role").SelectOptionAsync("doctor");
        await create.GetByLabel("Doctor").SelectOptionAsync(Hospital.DoctorId);
        await create.GetByLabel("Login").FillAsync(login);
        await create.GetByLabel("Display name").FillAsync("Dr Li at the desk");
        await create.GetByLabel("First password").FillAsync(FirstPassword);
        await create.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(admin.GetByText($"Account {login} created.")).ToBeVisibleAsync();
        var row = admin.Locator("tr[data-account]", new() { HasText = login });
        await Expect(row).ToContainTextAsync("Doctor" + PageHospital.DoctorName + "Enabled");
        await Screenshots.SaveAsync(admin, "admin-accounts", size);

        // The same login again: 409 login_taken, told in the page's words.
        await create.GetByLabel("First password").FillAsync(FirstPassword);
        await create.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That login is taken.");

        var desk = await OpenTabAsync(size);
        await desk.GotoAsync(Url("/doctor/"));
        await StaffSignInAsync(desk, login, FirstPassword);
        var clinic = desk.GetByRole(AriaRole.Heading, new() { Name = "Clinic of Dr Li at the desk" });
        await Expect(clinic).ToBeVisibleAsync();

        // Signed out everywhere: the desk, opened again, finds its session gone and asks for a sign-in.
        await row.GetByRole(AriaRole.Button, new() { Name = $"Sign {login} out everywhere" }).ClickAsync();
        await Expect(admin.GetByText($"{login} is signed out everywhere.")).ToBeVisibleAsync();
        await desk.ReloadAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await row.GetByLabel($"New password for {login}").FillAsync(NewPassword);
        await row.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(admin.GetByText($"New password set for {login}")).ToBeVisibleAsync();
        await StaffSignInAsync(desk, login, FirstPassword);
        await Expect(desk.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        await StaffSignInAsync(desk, login, NewPassword);
        await Expect(clinic).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Disable {login}" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Disabled since 2026-11-30");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Enable {login}" })).ToBeVisibleAsync();
        var account = await Silo.Admin.GetOkAsync("/api/admin/accounts?role=doctor");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null,
            account.EnumerateArray().Single(a => a.GetProperty("login").GetString() == login).GetProperty("disabledAt").ValueKind);
        AssertNoScriptErrors();
    }
}
