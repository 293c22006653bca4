using Microsoft.Playwright;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// One silo on a real port and one browser tab per test (page tests move the silo's clock and
/// fill its database). The tab is a fresh context: nothing in session storage.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class PageTest(Chromium chromium) : IAsyncLifetime
{
    protected PageSilo Silo { get; } = new();

    protected PageHospital Hospital { get; private set; } = null!;

    private readonly List<IBrowserContext> contexts = [];

    /// <summary>Settings a test class gives its silo before it starts (e.g. payment at booking).</summary>
    protected virtual void Configure(PageSilo silo)
    {
    }

    public async Task InitializeAsync()
    {
        Configure(Silo);
        Silo.Listen();
        Hospital = await new PageHospital(Silo).OpenAsync();
    }

    /// <summary>A tab at <paramref name="size"/>; <paramref name="english"/> sets the page's language choice before it loads.</summary>
    protected async Task<IPage> OpenTabAsync(string size, bool english = true)
    {
        var context = await chromium.Browser.NewContextAsync(ScreenSize.ContextFor(size));
        contexts.Add(context);
        if (english) await context.AddInitScriptAsync("localStorage.setItem('orleansbooking.language', 'en')");
        var page = await context.NewPageAsync();
        // A script error on a page is a failed test, even when the page still looks right.
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        // Chromium logs every 4xx as a console error; the API's refusals are the page's to show, so
        // only a missing page file counts.
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400 && !new Uri(response.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)) errors.Add($"{response.Status} {response.Url}"); };
        pageErrors.Add(errors);
        return page;
    }

    private readonly List<List<string>> pageErrors = [];

    /// <summary>A tab signed in as a new patient account with one patient (<paramref name="name"/>), on the booking form of <paramref name="poolId"/>.</summary>
    protected async Task<IPage> SignedInAtBookingAsync(string size, string poolId, string name)
    {
        var (mobile, _) = await Silo.SignUpPatientAsync(name);
        var page = await OpenTabAsync(size);
        await page.GotoAsync(Url("/#/account"));
        var signIn = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }) });
        await signIn.GetByLabel("Mobile number").FillAsync(mobile);
        await signIn.GetByLabel("Password").FillAsync(Accounts.AccountCalls.Password);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My appointments" })).ToBeVisibleAsync();
        await page.GotoAsync(Url($"/#/book/{poolId}"));
        await Microsoft.Playwright.Assertions.Expect(page.GetByLabel("Patient")).ToContainTextAsync(name);
        return page;
    }

    /// <summary>A tab signed in on the hospital's page as the first admin, on the rush board.</summary>
    protected async Task<IPage> SignedInAsAdminAsync(string size)
    {
        var page = await OpenTabAsync(size);
        await page.GotoAsync(Url("/admin/"));
        await StaffSignInAsync(page, PageSilo.AdminLogin, PageSilo.AdminPassword);
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live rush board" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Fills the doctor's or the hospital's sign-in form and sends it.</summary>
    protected static async Task StaffSignInAsync(IPage page, string login, string password)
    {
        await page.GetByLabel("User name").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Goes to a screen of the hospital's page by its link in the page's navigation.</summary>
    protected static Task NavigateAsync(IPage page, string link) =>
        page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();

    protected string Url(string path) => Silo.BaseUrl + path;

    /// <summary>No page logged a script error or asked for a file the silo does not have.</summary>
    protected void AssertNoScriptErrors()
    {
        var all = pageErrors.SelectMany(e => e).ToList();
        Assert.True(all.Count == 0, "Script errors on the page: " + string.Join(" | ", all));
    }

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.DisposeAsync();
        Silo.Admin?.Dispose();
        await Silo.DisposeAsync();
    }
}
