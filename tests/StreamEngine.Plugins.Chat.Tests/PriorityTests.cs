using System.Text.Json.Nodes;
using StreamEngine.Plugins.Chat.Stages;
using StreamEngine.Sdk.Chat;
using static StreamEngine.Plugins.Chat.Tests.Messages;

namespace StreamEngine.Plugins.Chat.Tests;

public class PriorityTests
{
    private readonly ChatRoom _room = new(new ManualClock());
    private readonly PriorityStage _stage;
    private readonly AnalysisStage _analysis = new();

    public PriorityTests()
    {
        _room.Settings = _room.Settings.With(new JsonObject { ["displayPerSecond"] = 10 });
        _stage = new PriorityStage(_room);
    }

    private ChatVerdict Run(ChatMessage m) => _stage.Process(_analysis.Process(m).Message!);

    [Fact]
    public void Below_the_rate_every_message_passes_at_once()
    {
        var verdicts = Enumerable.Range(0, 10).Select(i => Run(At(i * 0.2, $"hello {i}", $"u{i}"))).ToList();
        Assert.All(verdicts, v => { Assert.NotNull(v.Message); Assert.Equal(TimeSpan.Zero, v.Delay); });
    }

    [Fact]
    public void Under_a_flood_ordinary_messages_wait_for_a_slot_or_are_skipped_and_the_next_shown_says_how_many()
    {
        var flood = Enumerable.Range(0, 200).Select(i => Run(At(1, $"so cool {i}", $"u{i}"))).ToList();
        var shown = flood.Where(v => v.Message is not null).ToList();
        Assert.Equal(21, shown.Count); // now, plus 2 s of slots at 10 a second
        Assert.All(flood.Skip(21), v => Assert.Equal("flood: skipped", v.DropReason));
        Assert.Equal(179, _stage.Skipped);

        var later = Run(At(5, "still here", "late"));
        var skipped = Assert.Single(later.Message!.Annotations, a => a.Kind == "skipped");
        Assert.Equal(179, skipped.Amount);
        Assert.Contains("+179 more", skipped.Flags);
        Assert.Equal(0, _stage.Skipped);
    }

    [Fact]
    public void Bids_and_moderators_jump_the_queue_during_a_flood()
    {
        foreach (var i in Enumerable.Range(0, 100)) Run(At(1, $"look at that one, number {i}", $"u{i}"));
        var bid = Run(At(1, "bid $500", "whale"));
        var mod = Run(At(1, "next lot in 2 minutes", "mod", badges: ["moderator"]));
        var chatter = Run(At(1, "nice", "someone"));

        Assert.Equal(TimeSpan.Zero, bid.Delay);
        Assert.Equal(500, bid.Message!.Verdict!.Amount);
        Assert.Equal(TimeSpan.Zero, mod.Delay);
        Assert.Null(chatter.Message);
    }
}
