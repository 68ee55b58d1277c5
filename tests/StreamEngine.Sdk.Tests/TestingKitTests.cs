using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Testing;

namespace StreamEngine.Sdk.Tests;

/// <summary>StreamEngine.Sdk.Testing's clock, scripted chat source and behaviour harness behave as the engine does.</summary>
public sealed class TestingKitTests
{
    [Fact]
    public void The_manual_clock_starts_at_frame_zero_of_its_rate_and_moves_only_when_told()
    {
        var clock = new ManualFrameClock(25);
        Assert.Equal(new FrameTime(0, 25), clock.Now);
        Assert.Equal(0, clock.Now.Seconds);
        Assert.Equal(new FrameTime(50, 25), clock.AdvanceSeconds(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(-1));
    }

    [Fact]
    public async Task The_scripted_source_posts_each_line_when_show_time_reaches_it()
    {
        var sink = new RecordingChatSink();
        var settings = new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["at"] = 2, ["author"] = "bo", ["text"] = "bid 4" }) };
        var type = new ScriptedChatSource("audience").At(0.5, "ana", "hello");
        await using var source = type.Create(new ChatSourceContext("a", settings, sink, NullLogger.Instance));
        await source.StartAsync(CancellationToken.None);
        var clock = new ManualFrameClock(10);
        clock.Ticked += time => ((IShowTimeChatSource)source).OnFrame(time, new FakeChatFeed(clock));

        clock.AdvanceSeconds(1);
        Assert.Equal(["hello"], sink.Messages.Select(m => m.Text));
        clock.AdvanceSeconds(1);
        Assert.Equal(["hello", "bid 4"], sink.Messages.Select(m => m.Text));
    }

    [Fact]
    public void A_scripted_line_without_a_time_is_refused_naming_it()
    {
        var settings = new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["author"] = "bo", ["text"] = "hi" }) };
        var e = Assert.Throws<ArgumentException>(() => new ScriptedChatSource().Create(new ChatSourceContext("a", settings, new RecordingChatSink(), NullLogger.Instance)));
        Assert.Contains("settings.messages[0]", e.Message);
    }

    [Fact]
    public void The_behaviour_harness_delivers_bids_by_the_engines_rule_and_runs_timers_on_show_time()
    {
        var behaviour = new Auction();
        using var show = new BehaviourHarness(behaviour).Start();

        show.Chat("ana", "bid 2.5 ETH");
        show.Chat("bo", "nice lot");
        show.AdvanceSeconds(2.9);
        Assert.Empty(show.Show.Said);
        show.AdvanceSeconds(0.2);

        Assert.Equal([2.5m], behaviour.Bids);
        Assert.Equal(["Sold at 2.5!"], show.Show.Said.Select(s => s.Text));
        Assert.Equal("2.5", show.Show.Layer("price")!["props"]!["text"]!.GetValue<string>());
        Assert.Single(show.Records["bids"]);
    }

    private sealed class Auction : IShowBehaviour
    {
        public List<decimal> Bids { get; } = [];
        public string Id => "auction";
        public IReadOnlyList<BehaviourRoute> Routes => [];

        public void Start(IBehaviourContext context)
        {
            context.Show.Create("""{ "id": "price", "type": "overlay.text", "props": { "text": "" } }""");
            context.Show.OnBid(bid =>
            {
                Bids.Add(bid.Amount!.Value);
                context.Show.Update("price", $$"""{ "props": { "text": "{{bid.Amount}}" } }""");
                context.Records.AppendAsync("bids", new JsonObject { ["amount"] = bid.Amount }, CancellationToken.None).Wait();
                context.Show.After(3, () => context.Show.Say($"Sold at {bid.Amount}!"));
            });
        }

        public JsonNode? Call(string method, JsonNode? argument) => null;
        public void Dispose() { }
    }
}
