using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Chat;
using StreamEngine.Plugins.Chat.Simulated;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>The simulated audience driven frame by frame like the engine does: its rate, its repeatability, bids that follow the price.</summary>
public sealed class SimulatedAudienceTests
{
    [Theory]
    [InlineData(1, 30, 600)]
    [InlineData(100, 30, 600)]
    [InlineData(500, 30, 300)]
    [InlineData(500, 60, 120)]
    public async Task It_posts_exactly_rate_messages_per_second_of_show_time(int rate, int fps, int frames)
    {
        var messages = await RunAsync($$"""{ "seed": 3, "rate": {{rate}} }""", frames, fps);
        Assert.Equal((long)rate * frames / fps, messages.Count);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_messages_at_the_same_frames_and_another_seed_does_not()
    {
        var settings = """{ "seed": 42, "rate": 40, "floods": { "every": 5, "seconds": 1, "rate": 300 } }""";
        var first = Lines(await RunAsync(settings, 450));
        var again = Lines(await RunAsync(settings, 450));
        var other = Lines(await RunAsync(settings.Replace("42", "43"), 450));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Count > 40 * 15, $"{first.Count} messages: the floods add to the rate");
    }

    [Fact]
    public async Task Bids_rise_above_the_price_and_follow_a_higher_bid_from_another_source()
    {
        var feed = new ChatFeed(1024);
        await using var audience = await StartAsync(feed, """{ "seed": 9, "rate": 60, "price": 100, "increment": 5, "currency": "USD" }""");
        for (var frame = 0; frame < 300; frame++)
        {
            if (frame == 150) feed.Post(new ChatPost("api", "whale", "$5,000"));
            feed.OnFrame(new FrameTime(frame, 30));
        }
        var bids = Messages(feed).Where(m => m.Source == "audience").Select(m => (m.ShownAt.Index, Bid: BidText.TryParse(m.Text, out var b) ? b : null))
            .Where(b => b.Bid is not null).ToList();
        Assert.True(bids.Count > 20, $"{bids.Count} bids");
        Assert.All(bids, b => Assert.True(b.Bid!.Amount > 100 && b.Bid.Currency is "USD" or null, $"{b.Bid}"));
        Assert.Equal(bids.Select(b => b.Bid!.Amount).Order(), bids.Select(b => b.Bid!.Amount)); // every bid beats the last
        Assert.All(bids.Where(b => b.Index > 151), b => Assert.True(b.Bid!.Amount > 5000, $"frame {b.Index}: {b.Bid}"));
    }

    [Fact]
    public async Task On_a_live_auction_its_bidders_follow_the_published_lot_place_max_bids_and_wait_between_lots()
    {
        var feed = new ChatFeed(20_000);
        var values = new ShowValues();
        values.Publish("auction.lot", JsonNode.Parse("""{ "open": true, "lot": "vase", "price": 200, "increment": 10, "currency": "EUR", "ceiling": 100000 }"""));
        var settings = """{ "seed": 4, "rate": 100, "personas": [ { "name": "a1", "style": "bidder" }, { "name": "a2", "style": "bidder" }, { "name": "a3", "style": "bidder" } ] }""";
        var source = new SimulatedAudienceType().Create(Context(feed, settings) with { Values = values });
        feed.AddTimed((IShowTimeChatSource)source);
        await source.StartAsync(CancellationToken.None);
        for (var frame = 0; frame < 300; frame++) feed.OnFrame(new FrameTime(frame, 30));
        values.Publish("auction.lot", JsonNode.Parse("""{ "open": false }"""));
        for (var frame = 300; frame < 600; frame++) feed.OnFrame(new FrameTime(frame, 30));
        await source.DisposeAsync();

        var messages = Messages(feed);
        var during = messages.Where(m => m.ShownAt.Index < 300).Select(m => m.Text).ToList();
        var maxima = during.Where(t => t.StartsWith("max", StringComparison.Ordinal)).ToList();
        var bids = during.Select(t => BidText.TryParse(t, out var b) ? b : null).OfType<BidAmount>().ToList();
        Assert.True(maxima.Count >= 5 && maxima.Count < bids.Count / 3, $"{maxima.Count} max bids and {bids.Count} bids");
        Assert.All(maxima, m => Assert.Matches(@"^max( bid)? \d+( EUR)?$", m));
        Assert.All(bids, b => Assert.True(b.Amount > 200 && (b.Amount - 200) % 10 == 0 && b.Currency is "EUR" or null, $"{b.Amount} {b.Currency}"));
        // Between lots they chat; they do not bid.
        Assert.DoesNotContain(messages.Where(m => m.ShownAt.Index >= 301), m => BidText.TryParse(m.Text, out _) || m.Text.StartsWith("max", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Its_audience_speaks_several_languages_asks_questions_sends_emoji_and_spam()
    {
        var texts = (await RunAsync("""{ "seed": 5, "rate": 50 }""", 900)).Select(m => m.Text).ToList();
        Assert.Contains(texts, t => t.EndsWith('?') || t.EndsWith('？'));
        Assert.Contains(texts, t => t.Any(c => c is >= '\u3040' and <= '\u30ff'));   // Japanese
        Assert.Contains(texts, t => t.Any(c => c is >= '\u0600' and <= '\u06ff'));   // Arabic
        Assert.Contains(texts, t => t.Contains("🔥") || t.Contains("😍"));
        Assert.Contains(texts, t => t.Contains("FREE ETH") || t.Contains("BUY BUY"));
    }

    [Fact]
    public async Task Scripted_lines_come_at_their_show_times_looping_and_bad_settings_name_the_setting()
    {
        var messages = await RunAsync("""{ "loop": 4, "messages": [ { "at": 1, "author": "ana", "text": "hi @bo" }, { "at": 2.5, "author": "bo", "text": "2 ETH" } ] }""", 360);
        Assert.Equal([30L, 75, 150, 195, 270, 315], messages.Select(m => m.ShownAt.Index));
        Assert.Equal(["bo"], messages[0].Mentions);
        var error = Assert.Throws<FormatException>(() => new SimulatedAudienceType().Create(Context(new ChatFeed(), """{ "rate": 900 }""")));
        Assert.StartsWith("rate: expected a number from 1 to 500", error.Message);
        Assert.StartsWith("personas[0].style", Assert.Throws<FormatException>(() => new SimulatedAudienceType().Create(
            Context(new ChatFeed(), """{ "personas": [ { "name": "x", "style": "troll" } ] }"""))).Message);
    }

    private static async Task<List<ChatMessage>> RunAsync(string settings, int frames, int fps = 30)
    {
        var feed = new ChatFeed(20_000);
        await using var audience = await StartAsync(feed, settings);
        for (var frame = 0; frame < frames; frame++) feed.OnFrame(new FrameTime(frame, fps));
        return Messages(feed);
    }

    private static async Task<IAsyncDisposable> StartAsync(ChatFeed feed, string settings)
    {
        var source = new SimulatedAudienceType().Create(Context(feed, settings));
        feed.AddTimed((IShowTimeChatSource)source);
        await source.StartAsync(CancellationToken.None);
        return source;
    }

    private static ChatSourceContext Context(ChatFeed feed, string settings) =>
        new("audience", (JsonObject)JsonNode.Parse(settings)!, new FeedSink(feed, "audience"), NullLogger.Instance);

    private static List<ChatMessage> Messages(ChatFeed feed)
    {
        var all = new ChatMessage[feed.Capacity];
        return [.. all.AsSpan(0, feed.CopyLatest(all)).ToArray()];
    }

    private static List<string> Lines(List<ChatMessage> messages) => [.. messages.Select(m => $"{m.ShownAt.Index} {m.Id} {m.Author}: {m.Text}")];
}
