using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A show with named scenes Intro, Auction and Outro that starts on its intro: the auctioneer puts the auction scene on
/// air when its lot opens, and the outro once the last lot is closed and the break is over. The scene file's entrance
/// of a layer of the auction scene (off air while the intro runs) plays when that scene comes on air: the layer moves
/// from where the file leaves it, transparent and low, up into its place, fully there.
/// </summary>
public sealed class AuctionScenesLiveTests : IDisposable
{
    private const string Lots = """
        { "startDelay": 6, "break": 1, "duration": 5, "goingOnce": 2, "goingTwice": 1,
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
        json["layers"]!.AsArray().Add(JsonNode.Parse("""{ "id": "lot-tag", "type": "shape", "zIndex": 40, "transform": { "x": 20, "y": 20, "width": 120, "height": 40, "opacity": 0 }, "props": { "fill": "#ffd166" } }"""));
        json["animations"] = JsonNode.Parse("""
            [ { "id": "lot-tag-in", "kind": "parallel", "delay": 0.2, "children": [
                { "kind": "effect", "effect": "fadeIn", "target": "lot-tag", "duration": 1.5 },
                { "kind": "effect", "effect": "slideIn", "target": "lot-tag", "from": "bottom", "distance": 80, "duration": 1.5 } ] } ]
            """);
        json["scenes"] = JsonNode.Parse("""
            [ { "name": "Intro", "layers": ["backdrop", "intro-title", "chat"] },
              { "name": "Auction", "layers": ["backdrop", "price-card", "countdown", "banner", "bid-flash", "chat", "lot-tag"] },
              { "name": "Outro", "layers": ["backdrop", "outro-title", "chat"] } ]
            """);
        json["onAir"] = "Intro";
        File.WriteAllText(scene, json.ToJsonString());
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("scenes.ts"), scene, Engine.Environment());

        var seen = new List<(string Scene, bool IntroTitleOnScreen)>();
        var tag = new List<(double Y, double Opacity)>(); // the entrance's layer, each time it was seen on screen
        for (var i = 0; i < 300 && (seen.Count == 0 || seen[^1].Scene != "Outro"); i++, await Task.Delay(100))
        {
            var layers = JsonNode.Parse(await engine.Api.GetStringAsync("api/layers"))!.AsArray().Select(l => l!.AsObject()).ToList();
            seen.Add(((await engine.GetObjectAsync("api/scenes"))["onAir"]!.GetValue<string>(), layers.Any(l => l["id"]!.GetValue<string>() == "intro-title")));
            if (layers.FirstOrDefault(l => l["id"]!.GetValue<string>() == "lot-tag")?["transform"] is JsonObject t)
                tag.Add((t["y"]!.GetValue<double>(), t["opacity"]?.GetValue<double>() ?? 1));
        }
        var order = seen.Select(s => s.Scene).Where((s, i) => i == 0 || s != seen[i - 1].Scene).ToList();
        Assert.True(order.Count >= 3 && order[^3..].SequenceEqual(["Intro", "Auction", "Outro"]), $"scenes on air: {string.Join(" → ", order)}");
        // What is on screen follows: the intro's title while the intro is on air (read just before), not once the lot is up.
        Assert.Contains(seen, s => s.Scene == "Intro" && s.IntroTitleOnScreen);
        Assert.DoesNotContain(seen.SkipWhile(s => s.Scene != "Auction").Skip(3).TakeWhile(s => s.Scene == "Auction"), s => s.IntroTitleOnScreen);
        // The entrance played once its scene was on air: the layer came up from below into its place and faded in
        // (without it, it came on air as the file has it, transparent, and stayed so).
        // (Until its delay is over the layer waits as the file left it, transparent: those samples show nothing.)
        var seenMoving = tag.Where(t => t.Opacity > 0).ToList();
        var path = string.Join(", ", tag.Select(x => $"y {x.Y:0.#} opacity {x.Opacity:0.##}"));
        Assert.True(seenMoving.Count >= 5, $"the auction scene's layer was seen {seenMoving.Count} times on screen: {path}");
        Assert.Equal((20.0, 1.0), (Math.Round(seenMoving[^1].Y, 1), Math.Round(seenMoving[^1].Opacity, 3)));
        Assert.True(seenMoving.Zip(seenMoving.Skip(1)).All(p => p.Second.Y <= p.First.Y + 0.01 && p.Second.Opacity >= p.First.Opacity - 0.001),
            $"the entrance went one way: {path}");
        var state = await engine.GetObjectAsync("api/behaviours/auctioneer/state");
        Assert.Equal("passed", state["current"]!["phase"]!.GetValue<string>());
    }

    public void Dispose() => _dir.Dispose();
}
