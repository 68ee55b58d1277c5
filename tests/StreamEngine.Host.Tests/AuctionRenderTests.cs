using System.Security.Cryptography;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// An offline render of a seeded sale of three lots, its bids scripted in the simulated audience: the sales log equals
/// what those bids imply under the rules (raise, too low, a max bid answering, a reserve not met), the frame after
/// each bid shows the new price on the price card (compared with the card drawn alone with the expected props), and
/// two renders are byte for byte the same.
/// </summary>
public sealed class AuctionRenderTests : IDisposable
{
    private const int Width = 640, Height = 360, Frames = 810;

    private const string Lots = """
        { "startDelay": 0.5, "break": 1, "duration": 8, "goingOnce": 2, "goingTwice": 1, "antiSniping": "none",
          "rateLimit": { "bids": 100, "seconds": 1 },
          "lots": [ { "id": "l1", "title": "First", "artist": "A", "opening": 10 },
                    { "id": "l2", "title": "Second", "artist": "B", "opening": 20, "reserve": 50 },
                    { "id": "l3", "title": "Third", "artist": "C", "opening": 30 } ] }
        """;

    // The lots are loaded by the show script at 0.1 s (frame 3) and lot 1 opens 0.5 s later, at frame 19 (0.633 s): lot 1 runs
    // to 8.633 s, lot 2 9.633-17.633 s, lot 3 18.633-26.633 s. A message at t enters at frame 30 t.
    private const string Audience = """
        { "seed": 1, "loop": 600, "messages": [
          { "at": 1.0, "author": "ana", "text": "$10" }, { "at": 2.0, "author": "bo", "text": "$12" },
          { "at": 3.0, "author": "ana", "text": "+1" }, { "at": 3.5, "author": "cy", "text": "$12" },
          { "at": 4.0, "author": "dan", "text": "max 20" }, { "at": 5.0, "author": "ana", "text": "$16" },
          { "at": 10.0, "author": "bo", "text": "$20" }, { "at": 11.0, "author": "ana", "text": "$25" },
          { "at": 19.0, "author": "cy", "text": "$30" }, { "at": 20.0, "author": "ana", "text": "$31" },
          { "at": 21.0, "author": "ana", "text": "$32" }, { "at": 22.0, "author": "bo", "text": "$40" } ] }
        """;

    private readonly TempDirectory _dir = new("auction-render");

    [Fact]
    public async Task A_seeded_sale_renders_its_sales_log_and_its_prices_at_each_bid()
    {
        var scene = AuctionShow.Create(_dir, "seeded", Lots, Audience);
        var audience = Path.Combine(Path.GetDirectoryName(scene)!, "audience.json");
        var first = await RenderAsync(scene, audience, _dir.File("a.raw"));

        Assert.Equal([
            "sold l1 \"First\" to dan for $17 (6 bids) at 8.633 s",
            "passed l2 \"Second\" (reserve not met, last bid $25) (2 bids) at 17.633 s",
            "sold l3 \"Third\" to bo for $40 (3 bids) at 26.633 s"],
            first.Stderr.Where(l => l.Contains("[behaviour:auctioneer] sold") || l.Contains("[behaviour:auctioneer] passed")).Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..]));

        // The price after each bid (or a proxy's answer) 0.9 s later, once the card's spring has settled: the card drawn alone must match.
        (int Frame, int Lot, string Title, string Artist, int Price, string Leader, int Bids)[] moments =
        [
            (57, 1, "First", "A", 10, "ana", 1), (87, 1, "First", "A", 12, "bo", 2),
            (117, 1, "First", "A", 13, "ana", 3), (147, 1, "First", "A", 14, "dan", 4),
            (177, 1, "First", "A", 17, "dan", 6), (357, 2, "Second", "B", 25, "ana", 2),
            (657, 3, "Third", "C", 32, "ana", 2), (687, 3, "Third", "C", 40, "bo", 3),
        ];
        byte[]? previous = null;
        foreach (var m in moments)
        {
            var expected = await CardAloneAsync(m.Lot, m.Title, m.Artist, m.Price, m.Leader, m.Bids);
            var shown = Frame(_dir.File("a.raw"), m.Frame);
            var diff = CardDifference(expected, shown);
            Assert.True(diff < 2.0, $"frame {m.Frame} should show ${m.Price} by {m.Leader} on the price card (mean difference {diff:0.00})");
            // and it tells prices apart: the card as it was before this bid is further from the frame than the new one
            if (previous is not null) Assert.True(CardDifference(previous, shown) > diff, $"frame {m.Frame}: the previous price's card matches as well as the new one's");
            previous = expected;
        }

    }

    [Fact]
    public async Task A_seeded_sale_renders_byte_for_byte_the_same_twice()
    {
        var scene = AuctionShow.Create(_dir, "seeded", Lots, Audience);
        var audience = Path.Combine(Path.GetDirectoryName(scene)!, "audience.json");
        var first = await RenderAsync(scene, audience, _dir.File("a.raw"));
        var second = await RenderAsync(scene, audience, _dir.File("b.raw"));
        Assert.True(Hash(_dir.File("a.raw")) == Hash(_dir.File("b.raw")), FirstDifference(_dir.File("a.raw"), _dir.File("b.raw")));
        Assert.Equal(first.Stderr.Count(l => l.Contains("[behaviour:auctioneer]")), second.Stderr.Count(l => l.Contains("[behaviour:auctioneer]")));
    }

    private static async Task<ProcessRunner> RenderAsync(string scene, string audience, string output)
    {
        var run = await Engine.RunAsync(["render", "--scene", scene, "--frames", Frames.ToString(), "--audience", audience, "--out", output]);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        return run;
    }

    /// <summary>The price card with these props, drawn alone on the show's backdrop: what the show's frame should hold there.</summary>
    private async Task<byte[]> CardAloneAsync(int lot, string title, string artist, int price, string leader, int bids)
    {
        var scene = JsonNode.Parse(AuctionShow.Scene)!.AsObject();
        var layers = scene["layers"]!.AsArray();
        foreach (var layer in layers.ToList().Where(l => l!["id"]!.GetValue<string>() is not ("backdrop" or "price-card"))) layers.Remove(layer);
        var props = layers.Single(l => l!["id"]!.GetValue<string>() == "price-card")!["props"]!.AsObject();
        (props["lot"], props["title"], props["artist"], props["label"], props["price"], props["leader"], props["bids"], props["status"]) =
            (lot, title, artist, "CURRENT BID", price, leader, bids, "open");
        var path = _dir.File($"card-{price}-{leader}.json");
        await File.WriteAllTextAsync(path, scene.ToJsonString());
        var raw = _dir.File($"card-{price}-{leader}.raw");
        var run = await Engine.RunAsync(["render", "--scene", path, "--frames", "1", "--out", raw]);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        return await File.ReadAllBytesAsync(raw);
    }

    /// <summary>Where two renders part: the first frame that differs and the box of its differing pixels.</summary>
    private static string FirstDifference(string a, string b)
    {
        for (var f = 0; f < Frames; f++)
        {
            var (x, y) = (Frame(a, f), Frame(b, f));
            if (x.AsSpan().SequenceEqual(y)) continue;
            var (x0, y0, x1, y1) = (Width, Height, 0, 0);
            for (var i = 0; i < x.Length; i += 4)
                if (x[i] != y[i] || x[i + 1] != y[i + 1] || x[i + 2] != y[i + 2])
                    (x0, y0, x1, y1) = (Math.Min(x0, i / 4 % Width), Math.Min(y0, i / 4 / Width), Math.Max(x1, i / 4 % Width), Math.Max(y1, i / 4 / Width));
            return $"the two renders first differ at frame {f}, in the box ({x0},{y0})-({x1},{y1})";
        }
        return "the two renders differ in length";
    }

    private static byte[] Frame(string raw, int index)
    {
        var frame = new byte[Width * Height * 4];
        using var file = File.OpenRead(raw);
        file.Seek((long)index * frame.Length, SeekOrigin.Begin);
        file.ReadExactly(frame);
        return frame;
    }

    /// <summary>Mean absolute difference of the price card's box (x 20-380, y 20-170), per channel.</summary>
    private static double CardDifference(byte[] a, byte[] b)
    {
        long sum = 0, count = 0;
        for (var y = 20; y < 170; y++)
        for (var x = 20; x < 380; x++)
        for (var c = 0; c < 3; c++, count++)
        {
            var i = (y * Width + x) * 4 + c;
            sum += Math.Abs(a[i] - b[i]);
        }
        return (double)sum / count;
    }

    private static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(file));
    }

    public void Dispose() => _dir.Dispose();
}
