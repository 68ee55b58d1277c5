using System.Text.Json.Nodes;
using Microsoft.Playwright;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// What a behaviour adds to the dashboard, with the fixture plugin tests/fixtures/plugins/ShowPlugin: its counter's
/// declared panel shows the count and its buttons change it. The page is opened as from a plain-HTTP LAN address,
/// where browsers offer no <c>crypto.subtle</c>: the WebSocket password challenge is answered all the same.
/// </summary>
public sealed class DashboardPanelsLiveTests : IDisposable
{
    private const string Token = "panel-token-91c2";
    private const string Password = "ws-pass-5e7d";
    private readonly TempDirectory _dir = new("dashboard-panels");

    [Fact]
    public async Task A_behaviours_declared_panel_shows_its_state_and_its_buttons_call_its_routes_without_crypto_subtle()
    {
        var plugins = Directory.CreateDirectory(_dir.File("plugins")).FullName;
        foreach (var shipped in new[] { "StreamEngine.Plugins.Layers", "StreamEngine.Plugins.Chat" })
            CopyFolder(Path.Combine(RepoPaths.BuiltPlugins, shipped), Path.Combine(plugins, shipped));
        await ShowPluginBuild.BuildAsync("1.0.0", broken: false, Path.Combine(plugins, "show"));
        File.WriteAllText(_dir.File("scene.json"), """
            { "size": "320x180", "fps": 30,
              "layers": [ { "id": "bg", "type": "background", "props": { "color": "#203040" } } ] }
            """);
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), _dir.File("scene.json"),
            Engine.Environment(("STREAM_ENGINE_PLUGINS", plugins), ("API_TOKEN", Token), ("WS_PASSWORD", Password)));

        // As on http://192.168.x.y: no crypto.subtle (the page falls back to its own SHA-256).
        await using var browser = await DashboardBrowser.OpenAsync(initScript: "Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });");
        var page = browser.Page;
        await page.GotoAsync($"http://127.0.0.1:{engine.Environment["PORT"]}/");
        Assert.True(await page.EvaluateAsync<bool>("() => crypto.subtle === undefined"));
        await page.FillAsync("#login-token", Token);
        await page.FillAsync("#login-password", Password);
        await page.ClickAsync("#login button[type=submit]");
        await Assertions.Expect(page.Locator("#link")).ToHaveAttributeAsync("data-state", "up", new() { Timeout = 15000 });
        Assert.DoesNotContain(browser.Errors, e => e.Contains("subtle"));

        // The counter's panel: its fields, its two buttons (the one naming no route is left out).
        var panel = page.Locator("section.behaviour-panel[data-behaviour='test.counter']");
        await Assertions.Expect(panel.Locator("h2")).ToContainTextAsync("Counter", new() { Timeout = 15000 });
        await Assertions.Expect(panel.Locator("dd[data-field=count]")).ToHaveTextAsync("0");
        await Assertions.Expect(panel.Locator("button[data-action='Not a route']")).ToHaveCountAsync(0);
        await panel.Locator("button[data-action='+1']").ClickAsync();
        await Assertions.Expect(panel.Locator("dd[data-field=count]")).ToHaveTextAsync("1");
        await panel.Locator("input[data-input=amount]").FillAsync("41");
        await panel.Locator("button[data-action=Add]").ClickAsync();
        await Assertions.Expect(panel.Locator("dd[data-field=count]")).ToHaveTextAsync("42");
        Assert.Equal(42, (await engine.GetObjectAsync("api/behaviours/test.counter/count"))["count"]!.GetValue<long>());

        // A refused value comes back in words; the count stays.
        await panel.Locator("input[data-input=amount]").FillAsync("5000");
        await panel.Locator("button[data-action=Add]").ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("1 to 1000");
        await Assertions.Expect(panel.Locator("dd[data-field=count]")).ToHaveTextAsync("42");

        // Chat counted by the behaviour shows on its panel through its event.
        await page.FillAsync("#chat-text", "hello from the floor");
        await page.ClickAsync("#chat-form button[type=submit]");
        await Assertions.Expect(panel.Locator("dd[data-field=lastText]")).ToHaveTextAsync("hello from the floor", new() { Timeout = 10000 });
        await Assertions.Expect(panel.Locator("dd[data-field=count]")).ToHaveTextAsync("43");
        await browser.ScreenshotAsync("06-behaviour-panel.png");

        var behaviours = JsonNode.Parse(await engine.Api.GetStringAsync("api/behaviours"))!.AsArray();
        var declared = behaviours.Single(b => b!["id"]!.GetValue<string>() == "test.counter")!["panel"]!;
        Assert.Equal(["+1", "Add"], declared["actions"]!.AsArray().Select(a => a!["label"]!.GetValue<string>()));
    }

    private static void CopyFolder(string from, string to)
    {
        Assert.True(Directory.Exists(from), $"{from} is missing: run ./stream-engine build");
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public void Dispose() => _dir.Dispose();
}
