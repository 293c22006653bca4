using Microsoft.Playwright;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// Screenshots of the page tests, kept as test artifacts in the git-ignored <c>.artifacts/screenshots</c>
/// at the repository root (<c>PAGE_SCREENSHOTS</c> overrides the folder).
/// </summary>
public static class Screenshots
{
    public static readonly string Folder = Environment.GetEnvironmentVariable("PAGE_SCREENSHOTS") ?? Path.Combine(RepositoryRoot(), ".artifacts", "screenshots");

    /// <summary>In CSS pixels (a phone's 360 px, not its device pixels), so the files stay small.</summary>
    public static async Task SaveAsync(IPage page, string name, string size)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}-{size}.png"), FullPage = true, Scale = ScreenshotScale.Css });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrleansBooking.sln"))) return dir.FullName;
        return Path.GetTempPath();
    }
}
