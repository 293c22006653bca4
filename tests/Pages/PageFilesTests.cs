using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// The pages as files: where each is served, the Content-Security-Policy they carry, no inline
/// script anywhere, no HTML built from strings, and the patient page's weight.
/// </summary>
public sealed partial class PageFilesTests : IAsyncLifetime
{
    private const int PatientPageBudgetBytes = 200 * 1024;

    private readonly BookingApiFactory silo = new();
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        client = silo.CreateDefaultClient();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/", "/js/patient/main.js")]
    [InlineData("/doctor/", "/js/doctor/main.js")]
    [InlineData("/admin/", "/js/admin/main.js")]
    [InlineData("/sandbox-pay/", "/js/sandbox-pay/main.js")]
    public async Task EachPageIsServedWithAPolicyThatForbidsInlineScript(string path, string script)
    {
        using var response = await client.GetAsync(path);
        var html = await response.ReadTextAsync(HttpStatusCode.OK);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains($"<script type=\"module\" src=\"{script}\"></script>", html);
        Assert.False(InlineScript().IsMatch(html), $"{path} has an inline script or event handler.");
    }

    [Theory]
    [InlineData("/doctor", "/doctor/")]
    [InlineData("/admin", "/admin/")]
    public async Task APageWithoutItsSlashIsRedirectedToIt(string path, string location)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task NoScriptBuildsHtmlFromStrings()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(WebRoot(), "*.js", SearchOption.AllDirectories))
        {
            var code = await File.ReadAllTextAsync(file);
            if (HtmlFromStrings().IsMatch(code)) offenders.Add(Path.GetRelativePath(WebRoot(), file));
        }
        Assert.True(offenders.Count == 0, "innerHTML, outerHTML, insertAdjacentHTML or document.write in: " + string.Join(", ", offenders));
    }

    [Fact]
    public async Task ThePatientPageWeighsUnder200KilobytesCompressed()
    {
        // Everything the page loads: the HTML, what it links, and every module reachable from its script.
        var files = new HashSet<string> { "/", "/css/pages.css", "/favicon.svg" };
        var modules = new Queue<string>(["/js/patient/main.js"]);
        long compressed = 0;
        while (modules.TryDequeue(out var module))
        {
            if (!files.Add(module)) continue;
            var code = await GetAsync(module);
            foreach (Match import in ModuleImport().Matches(code))
                modules.Enqueue(new Uri(new Uri("http://page" + module), import.Groups[1].Value).AbsolutePath);
        }
        foreach (var file in files) compressed += Gzipped(await GetAsync(file));

        Assert.True(files.Count > 10, $"Expected the page's modules to be found; found {files.Count} files.");
        Assert.True(compressed < PatientPageBudgetBytes, $"The patient page is {compressed} bytes gzipped; the budget is {PatientPageBudgetBytes}.");
    }

    private async Task<string> GetAsync(string path)
    {
        using var response = await client.GetAsync(path);
        return await response.ReadTextAsync(HttpStatusCode.OK);
    }

    private static long Gzipped(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return buffer.Length;
    }

    private static string WebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "silo", "wwwroot"))) return Path.Combine(dir.FullName, "silo", "wwwroot");
        throw new DirectoryNotFoundException("silo/wwwroot not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write")]
    private static partial Regex HtmlFromStrings();

    [GeneratedRegex(@"^\s*import\s[^;]*?from\s+'([^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleImport();

    public async Task DisposeAsync()
    {
        client.Dispose();
        await silo.DisposeAsync();
    }
}

internal static class TextResponses
{
    public static async Task<string> ReadTextAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text;
    }
}
