using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The producer's dashboard in a real browser (Chromium) against a live engine: log in, watch the program, hide a
/// layer, preview and switch scenes, add an RTMP output to nginx-rtmp, inject and moderate chat. Screenshots go to
/// bin/…/artifacts/dashboard.
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

        // Scenes: a preview of Break before it goes on air (its green card where the artwork was), then a cut to it
        // seen in the next program frames, and a crossfade back to the auction (the artwork still hidden there).
        await Assertions.Expect(page.Locator("button.scene.on-air[data-scene=Auction]")).ToBeVisibleAsync();
        await page.ClickAsync("button[data-preview=Break]");
        await Assertions.Expect(page.Locator("#next-scene img[data-scene=Break]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#next-scene img').complete && document.querySelector('#next-scene img').naturalWidth > 0");
        var next = await browser.ImageColorAsync("#next-scene img", artwork.Item1, artwork.Item2, artwork.Item3, artwork.Item4);
        Assert.True(IsBreakGreen(next), $"the next-scene preview shows Break's green card, got {string.Join(",", next)}");
        Assert.True(IsDark(await browser.PreviewColorAsync(artwork.Item1, artwork.Item2, artwork.Item3, artwork.Item4)), "the program still shows the auction");
        await browser.ScreenshotAsync("04-next-scene-preview.png");
        await page.SelectOptionAsync("#transition-kind", "cut");
        await page.ClickAsync("#next-scene button.take");
        await Assertions.Expect(page.Locator("button.scene.on-air[data-scene=Break]")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await browser.PreviewUntilAsync(artwork, IsBreakGreen, "Break's green card after the cut");
        await page.SelectOptionAsync("#transition-kind", "crossfade");
        await page.FillAsync("#transition-duration", "0.4");
        await page.ClickAsync("button.scene[data-scene=Auction]");
        await Assertions.Expect(page.Locator("button.scene.on-air[data-scene=Auction]")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await browser.PreviewUntilAsync(artwork, IsDark, "the auction (its artwork hidden) after the crossfade");

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

        // Moderation. A bid from a troll lands at the bottom of the chat layer as a gold card; Delete takes it out of
        // the panel and the program (the card below is the question again).
        var chatBottom = (0.54, 0.6, 0.42, 0.06);
        var question = await browser.PreviewSettledAsync(chatBottom); // the question's card has slid in
        await page.FillAsync("#chat-author", "troll");
        await page.FillAsync("#chat-text", "I bid 999 ETH lol");
        await page.ClickAsync("#chat-form button[type=submit]");
        var troll = page.Locator("#chat li.message:has-text('I bid 999 ETH lol')");
        await Assertions.Expect(troll).ToHaveAttributeAsync("data-highlight", "bid", new() { Timeout = 10000 });
        var gold = await browser.PreviewUntilAsync(chatBottom, c => DashboardBrowser.Distance(c, question) > 20, "the troll's bid card");
        await troll.HoverAsync();
        await browser.ScreenshotAsync("05-chat-moderation.png");
        await troll.Locator("button.mod-delete").ClickAsync();
        await Assertions.Expect(troll).ToHaveCountAsync(0, new() { Timeout = 10000 });
        // The first frames after the delete show the cards sliding, so wait for the question's card to have settled back.
        await browser.PreviewUntilAsync(chatBottom, c => DashboardBrowser.Distance(c, question) < DashboardBrowser.Distance(c, gold) && DashboardBrowser.Distance(c, question) < 20,
            "the question's card at the bottom again once the bid card is gone");

        // Ban: the author's message leaves, they are listed with Unban, and what they say next does not reach the show.
        await page.FillAsync("#chat-text", "cheap followers at spam.example");
        await page.ClickAsync("#chat-form button[type=submit]");
        var spam = page.Locator("#chat li.message:has-text('cheap followers')");
        await Assertions.Expect(spam).ToHaveCountAsync(1, new() { Timeout = 10000 });
        await spam.HoverAsync();
        await spam.Locator("button.mod-ban").ClickAsync();
        await Assertions.Expect(spam).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Assertions.Expect(page.Locator("#bans li[data-author=troll]")).ToBeVisibleAsync();
        await page.FillAsync("#chat-text", "still here");
        await page.ClickAsync("#chat-form button[type=submit]");
        await page.FillAsync("#chat-author", "ana");
        await page.FillAsync("#chat-text", "lovely piece");
        await page.ClickAsync("#chat-form button[type=submit]");
        await Assertions.Expect(page.Locator("#chat li.message:has-text('lovely piece')")).ToHaveCountAsync(1, new() { Timeout = 10000 });
        await Assertions.Expect(page.Locator("#chat li.message:has-text('still here')")).ToHaveCountAsync(0);
        await page.ClickAsync("#bans li[data-author=troll] button");
        await Assertions.Expect(page.Locator("#bans li[data-author=troll]")).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await page.FillAsync("#chat-author", "troll");
        await page.FillAsync("#chat-text", "sorry about that");
        await page.ClickAsync("#chat-form button[type=submit]");
        await Assertions.Expect(page.Locator("#chat li.message:has-text('sorry about that')")).ToHaveCountAsync(1, new() { Timeout = 10000 });

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

    private static bool IsDark(double[] c) => c.Max() < 80;

    private static bool IsBreakGreen(double[] c) => c[1] > 150 && c[0] < 120 && c[2] < 160;

    /// <summary>
    /// A small auction scene at 640×360: an artwork, a title, a lower third, a chat column and a dot that never stops
    /// moving; a second scene, Break, puts a green card where the artwork is and keeps the chat column.
    /// </summary>
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
                { "id": "dot", "type": "shape", "zIndex": 50, "transform": { "x": 340, "y": 250, "width": 24, "height": 24 },
                  "props": { "shape": "circle", "fill": "#ff2d3d" } },
                { "id": "chat", "type": "chat", "zIndex": 60, "transform": { "x": 340, "y": 120, "width": 280, "height": 120 },
                  "props": { "column": "fill", "maxVisible": 3, "maxLines": 1, "enter": 0.1 } },
                { "id": "break-card", "type": "shape", "zIndex": 10, "transform": { "x": 20, "y": 20, "width": 300, "height": 225 },
                  "props": { "shape": "rect", "radius": 12, "fill": "#2ecc71" } }
              ],
              "scenes": [
                { "name": "Auction", "layers": ["backdrop", "artwork", "title", "lower-third", "bid", "dot", "chat"] },
                { "name": "Break", "layers": ["backdrop", "break-card", "chat"] }
              ],
              "onAir": "Auction",
              "animations": [
                { "id": "roam", "kind": "tween", "target": "dot", "property": "x", "from": 340, "to": 600, "duration": 2,
                  "easing": "easeInOutSine", "repeat": -1, "pingPong": true }
              ] }
            """);
        return _dir.File("scene.json");
    }

    [Fact]
    public async Task The_pages_own_SHA_256_matches_FIPS_180_4_and_Node_for_the_login_without_crypto_subtle()
    {
        var node = await ProcessRunner.RunAsync("node", ["--test", Path.Combine(RepoPaths.Root, "tests", "dashboard", "sha256.test.mjs")],
            timeout: TimeSpan.FromSeconds(60));
        Assert.True(node.ExitCode == 0, node.AllOutput);
        Assert.Contains("# pass 3", node.AllOutput);
    }

    public void Dispose() => _dir.Dispose();
}
