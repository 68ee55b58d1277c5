using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The demo show (samples/layers with its simulated audience and its auction script) rendered through the CLI: every
/// layer renders, the artwork is on its card, the chat column fills with the audience's messages, bids highlighted in
/// gold, and the script has the auctioneer announce the bid on his lower third.
/// </summary>
public sealed class LayersSampleTests : IDisposable
{
    private readonly TempDirectory _dir = new("layers-sample");

    [Fact]
    public async Task The_demo_show_renders_every_layer_and_its_chat_fills_with_the_audience_and_gold_bids()
    {
        var mp4 = _dir.File("auction.mp4");
        var run = await Engine.RunAsync(["render", "--scene", RepoPaths.Samples("layers", "scene.json"), "--frames", "200",
            "--audience", RepoPaths.Samples("layers", "audience.json"), "--out", mp4]);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.DoesNotContain(run.Stderr, l => l.Contains("cannot render") || l.Contains("cannot be loaded"));

        var before = await Media.DecodeFrameAsync(mp4, 10, 1280, 720); // 0.3 s: nobody has written yet
        var after = await Media.DecodeFrameAsync(mp4, 199, 1280, 720);  // 6.6 s: five messages, one a bid of 2.5 ETH
        Assert.True(Count(before, Bright) < 50, "the chat column should be empty before the first message");
        Assert.True(Count(after, Bright) > 300, $"the chat column should show message cards with text: {Count(after, Bright)} bright, {Count(after, Gold)} gold");
        Assert.True(Count(after, Gold) > 100, "a bid should stand out in gold");
        Assert.True(after.IsNear(700, 300, "#ffd79a", 60, out var sun), $"the artwork's sun should be on the feed card, got {sun}");
        Assert.False(before.IsNear(700, 690, "#1f2f6b", 16, out var quiet), $"no lower third before anyone speaks, got {quiet}");
        Assert.True(after.IsNear(700, 690, "#1f2f6b", 16, out var bar), $"the auctioneer should announce the bid on his lower third, got {bar}");
        Assert.Contains(run.Stderr, l => l.Contains("Script auction.js loaded"));
    }

    private static bool Bright((int R, int G, int B) p) => p.R + p.G + p.B > 500;

    private static bool Gold((int R, int G, int B) p) => p.R > 200 && p.G is > 140 and < 220 && p.B < 110;

    /// <summary>Pixels of the chat column (right quarter, below its title) that match.</summary>
    private static int Count(DecodedFrame frame, Func<(int R, int G, int B), bool> match)
    {
        var count = 0;
        for (var y = 70; y < 720; y += 2)
        for (var x = 962; x < 1270; x += 2)
            if (match(frame.At(x, y))) count++;
        return count;
    }

    public void Dispose() => _dir.Dispose();
}
