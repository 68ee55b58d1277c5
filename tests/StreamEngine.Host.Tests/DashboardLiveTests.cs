using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The producer's dashboard in a real browser (Chromium) against a live engine: log in, watch the program, hide a
/// layer, add an RTMP output to nginx-rtmp, inject chat. Screenshots go to bin/…/artifacts/dashboard.
/// </summary>
public sealed class DashboardLiveTests : IDisposable
{
    private const string Token = "producer-token-7f3a";
    private readonly TempDirectory _dir = new("dashboard");

    [Fact]
    public async Task A_producer_logs_in_and_runs_the_show_from_the_page()
    {
        using var nginx = new NginxRtmpServer();
        await using var engine = await RunningEngine.StartSceneAtSizeAsync(_dir.File("show.ts"), WriteScene(),
            Engine.Environment(("API_TOKEN", Token)), "640x360");
        await engine.Process.WaitForLineAsync(l => l.Contains($"Dashboard: http://127.0.0.1:{engine.Environment["PORT"]}/"), TimeSpan.FromSeconds(10));
        await using var browser = await DashboardBrowser.OpenAsync();
        var page = browser.Page;
        var response = await page.GotoAsync($"http://127.0.0.1:{engine.Environment["PORT"]}/");
        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);

        // Nothing runs before logging in; a wrong token is refused with words, the right one opens the show.
        try { await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync(); }
        catch (PlaywrightException e) { throw new Xunit.Sdk.XunitException($"{e.Message}\nPage errors: {string.Join("\n", browser.Errors)}"); }
        await browser.ScreenshotAsync("01-login.png");
        await page.FillAsync("#login-token", "wrong");
        await page.ClickAsync("#login button[type=submit]");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("may not change the show");
        await page.FillAsync("#login-token", Token);
        await page.ClickAsync("#login button[type=submit]");
        await Assertions.Expect(page.Locator("#login")).ToBeHiddenAsync();
        Assert.DoesNotContain(Token, page.Url);

        // The preview is live: later frames show the dot on its way across.
        var first = await browser.NextPreviewFrameAsync(-1, 30000);
        var before = await browser.PreviewPixelsAsync();
        var later = await browser.NextPreviewFrameAsync(first + 15);
        var after = await browser.PreviewPixelsAsync();
        await File.WriteAllBytesAsync(Path.Combine(DashboardBrowser.Artifacts, "preview-a.png"), Convert.FromBase64String(before.Split(',')[1]));
        await File.WriteAllBytesAsync(Path.Combine(DashboardBrowser.Artifacts, "preview-b.png"), Convert.FromBase64String(after.Split(',')[1]));
        Assert.NotEqual(before, after);
        Assert.True(later > first);
        await Assertions.Expect(page.Locator("#stat-fps")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)?$"), new() { Timeout = 15000 });
        await Assertions.Expect(page.Locator("#stat-cpu")).ToHaveTextAsync(new Regex(@"^\d+ %$"));

        // Hiding the artwork (20,20 300×225 of 640×360) leaves the dark backdrop where it was, in the preview's pixels.
        var artwork = (0.1, 0.15, 0.35, 0.5);
        var shown = await browser.PreviewColorAsync(artwork.Item1, artwork.Item2, artwork.Item3, artwork.Item4);
        await page.ClickAsync("li[data-layer=artwork] button.eye");
        await Assertions.Expect(page.Locator("li[data-layer=artwork]")).ToHaveClassAsync(new Regex("hidden-layer"));
        var frame = await browser.NextPreviewFrameAsync(await browser.NextPreviewFrameAsync(0));
        var hidden = await browser.PreviewColorAsync(artwork.Item1, artwork.Item2, artwork.Item3, artwork.Item4);
        Assert.True(DashboardBrowser.Distance(shown, hidden) > 25, $"artwork region {string.Join(",", shown)} → {string.Join(",", hidden)} at frame {frame}");
        Assert.True(hidden.Max() < 80, $"the backdrop is dark, got {string.Join(",", hidden)}");

        // An RTMP output with a masked key goes live on nginx-rtmp; the page never shows the key.
        await page.FillAsync("#output-url", $"rtmp://127.0.0.1:{nginx.Port}/live");
        await page.FillAsync("#output-key", "sk-live-4b1d");
        Assert.Equal("password", await page.GetAttributeAsync("#output-key", "type"));
        await page.ClickAsync("#output-form button[type=submit]");
        var output = page.Locator($"li.output:has-text('127.0.0.1:{nginx.Port}')");
        await Assertions.Expect(output).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator("#onair")).ToHaveTextAsync("ON AIR");
        Assert.DoesNotContain("sk-live-4b1d", await page.Locator("#outputs").InnerTextAsync());

        // A test message arrives through the show's chat with the engine's reading of it.
        await page.FillAsync("#chat-author", "whale");
        await page.FillAsync("#chat-text", "I bid 3.5 ETH");
        await page.ClickAsync("#chat-form button[type=submit]");
        var message = page.Locator("#chat li.message:has-text('I bid 3.5 ETH')");
        await Assertions.Expect(message).ToHaveAttributeAsync("data-highlight", "bid", new() { Timeout = 10000 });
        await Assertions.Expect(message.Locator(".tag.bid")).ToContainTextAsync("3.5");
        await page.FillAsync("#chat-text", "Is the frame included?");
        await page.ClickAsync("#chat-form button[type=submit]");
        await Assertions.Expect(page.Locator("#chat li.message:has-text('Is the frame included?') .tag.question")).ToBeVisibleAsync();

        // The props form comes from the layer type's schema.
        await page.ClickAsync("li[data-layer=title] .layer-name");
        await Assertions.Expect(page.Locator("#layer-editor input[name=text]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#layer-editor select[name='font.style']")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1500);
        await browser.ScreenshotAsync("02-dashboard-1280.png");
        await page.SetViewportSizeAsync(800, 1100);
        await page.WaitForTimeoutAsync(500);
        await browser.ScreenshotAsync("03-dashboard-tablet-800.png");
    }

    /// <summary>A small auction scene at 640×360: an artwork, a title, a lower third, and a dot that never stops moving.</summary>
    private string WriteScene()
    {
        File.Copy(RepoPaths.Samples("hello", "artwork.png"), _dir.File("artwork.png"));
        File.WriteAllText(_dir.File("scene.json"), """
            { "size": "640x360", "fps": 30,
              "layers": [
                { "id": "backdrop", "type": "background", "zIndex": 0, "props": { "color": "#101826" } },
                { "id": "artwork", "type": "image", "zIndex": 10, "transform": { "x": 20, "y": 20, "width": 300, "height": 225 },
                  "props": { "src": "artwork.png", "fit": "cover" } },
                { "id": "title", "type": "overlay.text", "zIndex": 20, "transform": { "x": 340, "y": 30, "width": 280, "height": 90 },
                  "props": { "text": "Lot 7 — Mandelbrot Study", "color": "#ffffff", "font": { "family": "sans", "size": 26, "weight": 700 } } },
                { "id": "lower-third", "type": "shape", "zIndex": 30, "transform": { "x": 0, "y": 280, "width": 640, "height": 60 },
                  "props": { "shape": "rect", "fill": "#f2a541" } },
                { "id": "bid", "type": "overlay.text", "zIndex": 40, "transform": { "x": 20, "y": 290, "width": 600, "height": 40 },
                  "props": { "text": "Current bid  2.5 ETH", "color": "#1b1b1b", "font": { "family": "sans", "size": 28, "weight": 700 } } },
                { "id": "dot", "type": "shape", "zIndex": 50, "transform": { "x": 340, "y": 200, "width": 24, "height": 24 },
                  "props": { "shape": "circle", "fill": "#ff2d3d" } }
              ],
              "animations": [
                { "id": "roam", "kind": "tween", "target": "dot", "property": "x", "from": 340, "to": 600, "duration": 2,
                  "easing": "easeInOutSine", "repeat": -1, "pingPong": true }
              ] }
            """);
        return _dir.File("scene.json");
    }

    public void Dispose() => _dir.Dispose();
}
