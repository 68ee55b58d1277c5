using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The auction show's scene (samples/auction-show), which the auctioneer plugin drives, validated and rendered through
/// the CLI: every layer renders, the lot's artwork is on its card and the price card and countdown show their values.
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
        var run = await Engine.RunAsync(["render", "--scene", scene, "--frames", "60", "--out", mp4]);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.DoesNotContain(run.Stderr, l => l.Contains("cannot render") || l.Contains("cannot be loaded"));

        var frame = await Media.DecodeFrameAsync(mp4, 59, 1280, 720); // 2 s: everything has come in
        Assert.True(Count(frame, 300, 96, 644, 528, Petal) > 2000, "the first lot's flower should be on the artwork card");
        Assert.True(Count(frame, 680, 250, 960, 320, Gold) > 300, "the price card should show the opening price in gold");
        Assert.True(Count(frame, 880, 372, 970, 410, Gold) > 60, "the countdown should show its clock in gold");
        Assert.True(Count(frame, 680, 90, 960, 100, Green) > 200, "the open lot's green status edge should run along the card's top");
    }

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
