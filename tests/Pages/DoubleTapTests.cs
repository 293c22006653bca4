using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;
using OrleansBooking.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>"Book" tapped twice, or an answer lost on the way: one intent, one Idempotency-Key, one reservation.</summary>
public sealed class DoubleTapTests(Chromium chromium) : PageTest(chromium)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task ADoubleTapOnBookBooksOnce(string size)
    {
        var poolId = await Hospital.OpenPoolAsync();
        var page = await SignedInAtBookingAsync(size, poolId, "Zhao Liu");
        var keys = RecordReservationKeys(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).DblClickAsync();

        await Expect(page.Locator("[data-reservation]")).ToContainTextAsync("Number 1");
        Assert.Equal(1, (await Silo.GetPoolAsync(poolId)).Int("booked"));
        Assert.True(keys.Distinct().Count() == 1, $"Every try of the one intent carries one key; seen: {string.Join(", ", keys)}");
        AssertNoScriptErrors();
    }

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task ABookingWhoseAnswerIsLostIsRetriedWithTheSameKey(string size)
    {
        var poolId = await Hospital.OpenPoolAsync();
        var page = await SignedInAtBookingAsync(size, poolId, "Zhao Liu");
        var keys = RecordReservationKeys(page);
        // The first try reaches the silo and books; its answer never reaches the phone.
        var lost = 0;
        await page.RouteAsync("**/reservations", async route =>
        {
            if (Interlocked.Increment(ref lost) == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync("timedout");
            }
            else await route.ContinueAsync();
        });

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();

        await Expect(page.Locator("[data-reservation]")).ToContainTextAsync("Number 1");
        Assert.Equal(1, (await Silo.GetPoolAsync(poolId)).Int("booked"));
        Assert.Equal(2, keys.Count);
        Assert.True(keys.Distinct().Count() == 1, $"The retry carries the first try's key; seen: {string.Join(", ", keys)}");
        AssertNoScriptErrors();
    }

    private static ConcurrentQueue<string> RecordReservationKeys(IPage page)
    {
        var keys = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/reservations", StringComparison.Ordinal))
                keys.Enqueue(request.Headers.TryGetValue("idempotency-key", out var key) ? key : "(none)");
        };
        return keys;
    }
}
