using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace OrleansBooking.Silo.Hosting.Pages;

/// <summary>
/// The pages patients, doctors and staff use (<c>/</c>, <c>/doctor/</c>, <c>/admin/</c>): static
/// files from <c>wwwroot</c>, answered before sign-in, rate limits and audit, so the 08:00 crowd
/// loading the page costs the silo a file read (or a 304) and no session.
/// </summary>
public static class PageHosting
{
    /// <summary>
    /// Scripts and styles only from the silo itself, no inline script or handler, no plug-ins, no
    /// framing: an injected doctor's name can be shown but never run.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseBookingPages(this WebApplication app)
    {
        // "/doctor" is redirected to "/doctor/" and served its index.html.
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".mjs"] = "text/javascript" } },
            OnPrepareResponse = context => AddPageHeaders(context.Context.Response, context.File.Name),
        });
        return app;
    }

    private static void AddPageHeaders(HttpResponse response, string fileName)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Pages are asked again each time (a 304 when unchanged), so a new release of the silo is
        // seen at once; scripts and styles may be kept a few minutes to spare the rush's round trips.
        headers.CacheControl = fileName.EndsWith(".html", StringComparison.Ordinal)
            ? "no-cache"
            : "public, max-age=300";
    }
}
