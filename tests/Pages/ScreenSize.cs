using Microsoft.Playwright;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// The screens the pages are tested on: a small phone (360 × 740, touch), a desktop, and that
/// desktop at 200 % zoom (640 × 400 CSS pixels, each drawn with two device pixels).
/// </summary>
public static class ScreenSize
{
    public const string Phone = "phone";
    public const string Desktop = "desktop";
    public const string Zoomed = "zoomed";

    public static TheoryData<string> Both => new() { Phone, Desktop };

    /// <summary>Where a page is most squeezed: the phone's 360 px and the desktop at 200 %.</summary>
    public static TheoryData<string> Narrow => new() { Phone, Zoomed };

    public static BrowserNewContextOptions ContextFor(string size) => size switch
    {
        Phone => new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 },
        Desktop => new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } },
        Zoomed => new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 640, Height = 400 }, DeviceScaleFactor = 2 },
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "phone, desktop or zoomed"),
    };
}
