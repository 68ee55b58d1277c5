using Microsoft.Playwright;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The auctioneer's panel on the producer's dashboard, in Chromium: it shows the lot on the block, its price, leader
/// and time left as they change, and its buttons run the sale (extend the clock, hammer the lot).
/// </summary>
public sealed class AuctionPanelLiveTests : IDisposable
{
    private const string Token = "auction-panel-token-3a1";
    private const string Password = "auction-panel-ws-77e";
    private const string Lots = """
        { "startDelay": 0, "lots": [ { "id": "vase", "title": "Blue Vase", "opening": 20, "duration": 120 }, { "id": "print", "title": "Print", "opening": 5 } ] }
        """;

    private readonly TempDirectory _dir = new("auction-panel");

    [Fact]
    public async Task The_auctioneers_panel_shows_the_lot_price_leader_and_time_left_and_its_buttons_extend_and_hammer()
    {
        var scene = AuctionShow.Create(_dir, "panel", Lots);
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("panel.ts"), scene,
            Engine.Environment(("API_TOKEN", Token), ("WS_PASSWORD", Password)));
        await AuctionShow.StateAsync(engine);

        await using var browser = await DashboardBrowser.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync($"http://127.0.0.1:{engine.Environment["PORT"]}/");
        await page.FillAsync("#login-token", Token);
        await page.FillAsync("#login-password", Password);
        await page.ClickAsync("#login button[type=submit]");
        await Assertions.Expect(page.Locator("#link")).ToHaveAttributeAsync("data-state", "up", new() { Timeout = 15000 });

        var panel = page.Locator("section.behaviour-panel[data-behaviour='auctioneer']");
        await Assertions.Expect(panel.Locator("h2")).ToContainTextAsync("Auction", new() { Timeout = 15000 });
        await Assertions.Expect(panel.Locator("dd[data-field='current.title']")).ToHaveTextAsync("Blue Vase");
        await Assertions.Expect(panel.Locator("dd[data-field='current.display']")).ToHaveTextAsync("$20");

        // A bid from the API shows on the panel: price and leader.
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/behaviours/auctioneer/bids") { Content = RunningEngine.Json("""{ "author": "ana", "amount": 25 }""") };
        request.Headers.Authorization = new("Bearer", Token);
        var bid = await engine.Api.SendAsync(request);
        Assert.True(bid.IsSuccessStatusCode, await bid.Content.ReadAsStringAsync());
        await Assertions.Expect(panel.Locator("dd[data-field='current.display']")).ToHaveTextAsync("$25", new() { Timeout = 10000 });
        await Assertions.Expect(panel.Locator("dd[data-field='current.leader']")).ToHaveTextAsync("ana");

        // "+30 s" puts the clock above the lot's 2:00; it runs down from there.
        var before = Seconds(await panel.Locator("dd[data-field='current.remaining']").InnerTextAsync());
        Assert.InRange(before, 60, 120);
        await panel.Locator("button[data-action='+30 s']").ClickAsync();
        try { await Assertions.Expect(panel.Locator("dd[data-field='current.remaining']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^2:[0-5]\d$"), new() { Timeout = 10000 }); }
        catch (PlaywrightException e) { throw new Xunit.Sdk.XunitException($"{e.Message}\ntoast: {await page.Locator("#toast").InnerTextAsync()}; errors: {string.Join(" | ", browser.Errors)}"); }
        await browser.ScreenshotAsync("07-auction-panel.png");

        // The hammer sells the lot to the leader.
        await panel.Locator("button[data-action='Hammer']").ClickAsync();
        await Assertions.Expect(panel.Locator("dd[data-field='current.phase']")).ToHaveTextAsync("sold", new() { Timeout = 10000 });
        var state = await engine.GetObjectAsync("api/behaviours/auctioneer/state");
        Assert.Equal(("sold", "ana", 25m), (state["current"]!["phase"]!.GetValue<string>(), state["current"]!["leader"]!.GetValue<string>(), state["current"]!["price"]!.GetValue<decimal>()));
    }

    /// <summary>The panel's m:ss as seconds.</summary>
    private static int Seconds(string text)
    {
        var parts = text.Trim().Split(':');
        return int.Parse(parts[0]) * 60 + int.Parse(parts[1]);
    }

    public void Dispose() => _dir.Dispose();
}
