using Microsoft.Playwright;

namespace OrleansBooking.Tests.Pages;

/// <summary>The screens the pages are tested on: a small phone (360 × 740, touch) and a desktop.</summary>
public static class ScreenSize
{
    public const string Phone = "phone";
    public const string Desktop = "desktop";

    public static TheoryData<string> Both => new() { Phone, Desktop };

    public static BrowserNewContextOptions ContextFor(string size) => size switch
    {
        Phone => new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 },
        Desktop => new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } },
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "phone or desktop"),
    };
}
