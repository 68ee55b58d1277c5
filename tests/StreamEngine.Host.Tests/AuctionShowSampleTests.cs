using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The auction show's scene (samples/auction-show), which the auctioneer plugin drives, validated and rendered through
/// the CLI: every layer renders, the lot's artwork is on its card and the price card and countdown show their values, and
/// the motion its README gives each moment (bid flash spring, banner slide-in, confetti tween) plays on it.
/// </summary>
public sealed class AuctionShowSampleTests : IDisposable
{
    private readonly TempDirectory _dir = new("auction-show-sample");

    [Fact]
    public async Task The_auction_scene_validates_and_renders_the_artwork_price_card_and_countdown()
    {
        var scene = RepoPaths.Samples("auction-show", "scene.json");
        var validate = await Engine.RunAsync(["validate", scene]);
        Assert.True(validate.ExitCode == 0, validate.AllOutput);

        var mp4 = _dir.File("auction.mp4");
        var run = await Engine.RunAsync(["render", "--scene", scene, "--frames", "200", "--out", mp4]);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.DoesNotContain(run.Stderr, l => l.Contains("cannot render") || l.Contains("cannot be loaded"));

        // The show opens on its intro (no price card yet); the first lot opens at 4 s and the auction scene comes on air.
        var intro = await Media.DecodeFrameAsync(mp4, 60, 1280, 720);
        Assert.True(Count(intro, 680, 250, 960, 320, Gold) < 50, "the intro shows no price card");
        var frame = await Media.DecodeFrameAsync(mp4, 199, 1280, 720); // 6.6 s: everything has come in
        Assert.True(Count(frame, 300, 96, 644, 528, Petal) > 2000, "the first lot's flower should be on the artwork card");
        Assert.True(Count(frame, 680, 250, 960, 320, Gold) > 300, "the price card should show the opening price in gold");
        Assert.True(Count(frame, 880, 372, 970, 410, Gold) > 60, "the countdown should show its clock in gold");
        Assert.True(Count(frame, 680, 90, 960, 100, Green) > 200, "the open lot's green status edge should run along the card's top");
    }

    [Fact]
    public async Task The_moments_in_the_readme_play_a_bid_flash_a_sold_banner_and_confetti()
    {
        // A copy of the show's folder, so the scene keeps reading its art from beside itself.
        CopyFolder(RepoPaths.Samples("auction-show"), _dir.File("show"));
        // The layers alone: without its script the auctioneer gets no lots and leaves the moments to this test.
        Directory.Delete(_dir.File(Path.Combine("show", "scripts")), recursive: true);
        var path = _dir.File(Path.Combine("show", "scene.json"));
        var scene = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var layers = scene["layers"]!.AsArray().Select(l => l!.AsObject()).ToDictionary(l => l["id"]!.GetValue<string>());
        foreach (var id in new[] { "bid-flash", "banner", "confetti" })
        {
            layers[id]["visible"] = true;
            if (id != "confetti") layers[id]["transform"]!["opacity"] = 0;
        }
        layers["banner"]["props"]!["style"] = "sold";
        scene["onAir"] = "Auction"; // no auctioneer to bring it on air from the intro
        var animations = scene["animations"]!.AsArray();
        animations.Add(JsonNode.Parse("""
            { "id": "bid-flash-pop", "kind": "sequence", "start": 0.5, "children": [
                { "kind": "parallel", "children": [
                    { "kind": "spring", "target": "bid-flash", "property": "scale", "from": 0.4, "to": 1, "stiffness": 260, "damping": 12 },
                    { "kind": "effect", "effect": "fadeIn", "target": "bid-flash", "duration": 0.15 } ] },
                { "kind": "effect", "effect": "fadeOut", "target": "bid-flash", "duration": 0.4, "delay": 1.2 } ] }
            """));
        animations.Add(JsonNode.Parse("""
            { "id": "banner-in", "kind": "parallel", "start": 2.0, "children": [
                { "kind": "effect", "effect": "slideIn", "target": "banner", "from": "left", "distance": 700, "duration": 0.45 },
                { "kind": "effect", "effect": "fadeIn", "target": "banner", "duration": 0.25 } ] }
            """));
        animations.Add(JsonNode.Parse("""
            { "id": "confetti-burst", "kind": "tween", "start": 2.0, "target": "confetti", "property": "props.progress", "from": 0, "to": 1, "duration": 2.5, "easing": "linear" }
            """));
        File.WriteAllText(path, scene.ToJsonString());

        var mp4 = _dir.File("moments.mp4");
        var run = await Engine.RunAsync(["render", "--scene", path, "--frames", "100", "--out", mp4]);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        var quiet = await Media.DecodeFrameAsync(mp4, 12, 1280, 720);  // 0.4 s: nothing has happened yet
        var bid = await Media.DecodeFrameAsync(mp4, 45, 1280, 720);    // 1.5 s: the flash has sprung in
        var sold = await Media.DecodeFrameAsync(mp4, 90, 1280, 720);   // 3.0 s: banner in, confetti flying
        Assert.True(Count(quiet, 700, 445, 940, 530, Gold) < 20, "no bid flash before the bid");
        Assert.True(Count(bid, 700, 445, 940, 530, Gold) > 400, $"the bid flash should show the bidder and price in gold: {Count(bid, 700, 445, 940, 530, Gold)}");
        Assert.True(Count(bid, 320, 440, 950, 525, Red) < 50, "no banner before the sale");
        Assert.True(Count(sold, 320, 440, 950, 525, Red) > 5000, "the SOLD banner should be on screen");
        // The chat column is empty (no audience), so anything bright and saturated there is confetti.
        Assert.True(Count(quiet, 1000, 80, 1270, 700, Confetti) < 20, "no confetti before the sale");
        Assert.True(Count(sold, 1000, 80, 1270, 700, Confetti) > 150, $"confetti should fly over the frame: {Count(sold, 1000, 80, 1270, 700, Confetti)}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static bool Red((int R, int G, int B) p) => p.R > 170 && p.G < 110 && p.B < 120;

    private static bool Confetti((int R, int G, int B) p) => Math.Max(p.R, Math.Max(p.G, p.B)) - Math.Min(p.R, Math.Min(p.G, p.B)) > 90 || p.R + p.G + p.B > 600;

    private static bool Gold((int R, int G, int B) p) => p.R > 200 && p.G is > 160 and < 230 && p.B < 140;

    private static bool Petal((int R, int G, int B) p) => p.R > 180 && p.B > 150;

    private static bool Green((int R, int G, int B) p) => p.G > 160 && p.R < 120 && p.B < 160;

    private static int Count(DecodedFrame frame, int left, int top, int right, int bottom, Func<(int R, int G, int B), bool> match)
    {
        var count = 0;
        for (var y = top; y < bottom; y++)
        for (var x = left; x < right; x++)
            if (match(frame.At(x, y))) count++;
        return count;
    }

    public void Dispose() => _dir.Dispose();
}
