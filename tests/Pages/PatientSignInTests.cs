using Microsoft.Playwright;
using OrleansBooking.Api.Accounts;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>A patient signs in on the patient page with the code sent by SMS instead of the password.</summary>
public sealed class PatientSignInTests(Chromium chromium) : PageTest(chromium)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task APatientSignsInWithTheSmsCode(string size)
    {
        var (mobile, _) = await Silo.SignUpPatientAsync("Zhao Liu");
        var page = await OpenTabAsync(size);
        await page.GotoAsync(Url("/#/account"));
        var signIn = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }) });
        await signIn.GetByLabel("Mobile number").FillAsync(mobile);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await Expect(page.GetByText("The code is on its way.")).ToBeVisibleAsync();

        // A wrong code first: refused (invalid_credentials, which does not tell a wrong code from an unknown number), not signed in.
        var code = Silo.Codes.LastCode(mobile, CodePurpose.SignIn);
        await signIn.GetByLabel("SMS code").FillAsync(code == "000000" ? "111111" : "000000");
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in with the code" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong mobile number, password or code.");

        await signIn.GetByLabel("SMS code").FillAsync(code);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in with the code" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My appointments" })).ToBeVisibleAsync();
        Assert.DoesNotContain(code, page.Url, StringComparison.Ordinal);
        AssertNoScriptErrors();
    }
}
