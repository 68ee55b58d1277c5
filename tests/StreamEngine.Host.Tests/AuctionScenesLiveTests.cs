using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A show with named scenes Intro, Auction and Outro that starts on its intro: the auctioneer puts the auction scene on
/// air when its lot opens, and the outro once the last lot is closed and the break is over.
/// </summary>
public sealed class AuctionScenesLiveTests : IDisposable
{
    private const string Lots = """
        { "startDelay": 2, "break": 1, "duration": 5, "goingOnce": 2, "goingTwice": 1,
          "lots": [ { "id": "only", "title": "The Only Lot", "opening": 10 } ] }
        """;

    private readonly TempDirectory _dir = new("auction-scenes");

    [Fact]
    public async Task The_auctioneer_goes_from_the_intro_to_the_auction_scene_and_to_the_outro_after_the_last_lot()
    {
        var scene = AuctionShow.Create(_dir, "scenes", Lots);
        var json = JsonNode.Parse(File.ReadAllText(scene))!.AsObject();
        json["layers"]!.AsArray().Add(JsonNode.Parse("""{ "id": "intro-title", "type": "overlay.text", "zIndex": 40, "props": { "text": "Tonight's sale" } }"""));
        json["layers"]!.AsArray().Add(JsonNode.Parse("""{ "id": "outro-title", "type": "overlay.text", "zIndex": 40, "props": { "text": "Thank you" } }"""));
        json["scenes"] = JsonNode.Parse("""
            [ { "name": "Intro", "layers": ["backdrop", "intro-title", "chat"] },
              { "name": "Auction", "layers": ["backdrop", "price-card", "countdown", "banner", "bid-flash", "chat"] },
              { "name": "Outro", "layers": ["backdrop", "outro-title", "chat"] } ]
            """);
        json["onAir"] = "Intro";
        File.WriteAllText(scene, json.ToJsonString());
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("scenes.ts"), scene, Engine.Environment());

        var seen = new List<(string Scene, bool IntroTitleOnScreen)>();
        for (var i = 0; i < 300 && (seen.Count == 0 || seen[^1].Scene != "Outro"); i++, await Task.Delay(100))
        {
            var layers = JsonNode.Parse(await engine.Api.GetStringAsync("api/layers"))!.AsArray().Select(l => l!["id"]!.GetValue<string>()).ToList();
            seen.Add(((await engine.GetObjectAsync("api/scenes"))["onAir"]!.GetValue<string>(), layers.Contains("intro-title")));
        }
        var order = seen.Select(s => s.Scene).Where((s, i) => i == 0 || s != seen[i - 1].Scene).ToList();
        Assert.True(order.Count >= 3 && order[^3..].SequenceEqual(["Intro", "Auction", "Outro"]), $"scenes on air: {string.Join(" → ", order)}");
        // What is on screen follows: the intro's title while the intro is on air (read just before), not once the lot is up.
        Assert.Contains(seen, s => s.Scene == "Intro" && s.IntroTitleOnScreen);
        Assert.DoesNotContain(seen.SkipWhile(s => s.Scene != "Auction").Skip(3).TakeWhile(s => s.Scene == "Auction"), s => s.IntroTitleOnScreen);
        var state = await engine.GetObjectAsync("api/behaviours/auctioneer/state");
        Assert.Equal("passed", state["current"]!["phase"]!.GetValue<string>());
    }

    public void Dispose() => _dir.Dispose();
}
