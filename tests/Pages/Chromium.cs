using Microsoft.Playwright;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright, shared by every page test. Playwright's own
/// browser downloads are never used. A browser that cannot start fails the tests (never skips
/// them): scripts/test.sh installs the package where it is missing.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where Debian puts it; <c>CHROMIUM_PATH</c> overrides.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? DefaultPath;
        if (!File.Exists(path))
            throw new InvalidOperationException($"Chromium is not installed at {path}; run `apt-get install -y chromium` (scripts/test.sh does).");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // Root (CI, containers) cannot use Chromium's sandbox; the pages are our own.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        // The machine is shared and busy: the page's answers may take a while, never forever.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

/// <summary>Page tests share one browser and run one at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
