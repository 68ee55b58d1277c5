using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Chat;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Core.Tests.Chat;

/// <summary>Chat stages in order: annotate, drop, delay in show time, and a stage that throws is skipped for that message only.</summary>
public sealed class ChatStageChainTests
{
    private readonly Dictionary<string, IChatStage> _stages = new()
    {
        ["tag"] = new Stage("tag", m => ChatVerdict.Pass(m.Annotated(new ChatAnnotation("tag", "greeting", 0.8) { Sentiment = 0.5, Flags = ["first"] }))),
        ["spam"] = new Stage("spam", m => m.Text.Contains("buy followers") ? ChatVerdict.Drop("spam") : ChatVerdict.Pass(m)),
        ["slow"] = new Stage("slow", m => m.Text.StartsWith("later") ? ChatVerdict.Later(m, TimeSpan.FromSeconds(1)) : ChatVerdict.Pass(m)),
        ["boom"] = new Stage("boom", m => m.Text.Contains("boom") ? throw new InvalidOperationException("stage bug") : ChatVerdict.Pass(m)),
    };

    private (ChatFeed Feed, List<ChatMessage> Shown, ChatStageChain Chain) Feed(params string[] order)
    {
        var feed = new ChatFeed();
        var shown = new List<ChatMessage>();
        feed.MessageShown += shown.Add;
        var chain = new ChatStageChain(order, name => _stages.GetValueOrDefault(name), NullLogger.Instance);
        feed.Stages = chain;
        return (feed, shown, chain);
    }

    [Fact]
    public void Stages_annotate_in_order_and_a_dropped_message_never_enters_the_show()
    {
        var (feed, shown, chain) = Feed("spam", "tag");
        feed.Post(new ChatPost("api", "ana", "hello"));
        feed.Post(new ChatPost("api", "bot", "buy followers now"));
        feed.Post(new ChatPost("api", "bo", "hi"));
        feed.OnFrame(new FrameTime(0, 30));

        Assert.Equal([("ana", 1L), ("bo", 2L)], shown.Select(m => (m.Author, m.Sequence))); // numbered after the stages
        var annotation = Assert.Single(shown[0].Annotations);
        Assert.Equal(("tag", "greeting", 0.8, 0.5, "first"), (annotation.Stage, annotation.Kind, annotation.Confidence, annotation.Sentiment, annotation.Flags.Single()));
        Assert.Equal(1, chain.Dropped);
    }

    [Fact]
    public void A_delayed_message_enters_when_its_show_time_comes_and_then_passes_the_later_stages()
    {
        var (feed, shown, _) = Feed("slow", "tag");
        feed.Post(new ChatPost("api", "ana", "later, please"));
        feed.Post(new ChatPost("api", "bo", "now"));
        feed.OnFrame(new FrameTime(0, 30));
        Assert.Equal(["bo"], shown.Select(m => m.Author));

        for (var frame = 1; frame < 30; frame++) feed.OnFrame(new FrameTime(frame, 30));
        Assert.Single(shown); // 29 frames: not yet a second
        feed.OnFrame(new FrameTime(30, 30));
        Assert.Equal(["bo", "ana"], shown.Select(m => m.Author));
        Assert.Equal(30, shown[1].ShownAt.Index);
        Assert.Equal("tag", Assert.Single(shown[1].Annotations).Stage);
    }

    [Fact]
    public void A_stage_that_throws_is_skipped_for_that_message_and_counted_and_chat_goes_on()
    {
        var (feed, shown, chain) = Feed("boom", "tag");
        feed.Post(new ChatPost("api", "ana", "boom"));
        feed.Post(new ChatPost("api", "bo", "fine"));
        feed.OnFrame(new FrameTime(0, 30));

        Assert.Equal(["ana", "bo"], shown.Select(m => m.Author));
        Assert.All(shown, m => Assert.Equal("tag", Assert.Single(m.Annotations).Stage)); // the later stage still ran
        Assert.Equal(1, chain.Failures);
    }

    [Fact]
    public void A_stage_no_plugin_provides_any_more_is_passed_over()
    {
        var (feed, shown, _) = Feed("gone", "tag");
        feed.Post(new ChatPost("api", "ana", "hello"));
        feed.OnFrame(new FrameTime(0, 30));
        Assert.Equal("tag", Assert.Single(Assert.Single(shown).Annotations).Stage);
    }

    private sealed class Stage(string name, Func<ChatMessage, ChatVerdict> process) : IChatStage
    {
        public string Name => name;

        public ChatVerdict Process(ChatMessage message) => process(message);
    }
}
