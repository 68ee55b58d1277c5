using StreamEngine.Plugins.Chat.Stages;
using StreamEngine.Sdk.Chat;
using static StreamEngine.Plugins.Chat.Tests.Messages;

namespace StreamEngine.Plugins.Chat.Tests;

public class InteractionTests
{
    private readonly ChatRoom _room = new(new ManualClock());
    private readonly InteractionStage _stage;

    public InteractionTests() => _stage = new InteractionStage(_room);

    [Fact]
    public void A_message_of_only_emoji_updates_the_counter_instead_of_taking_a_line()
    {
        Assert.Equal("reaction", _stage.Process(At(1, "🔥🔥")).DropReason);
        Assert.Equal("reaction", _stage.Process(At(1, "❤️ 🔥")).DropReason);
        Assert.Equal(3, _room.Reactions.Count("🔥"));
        Assert.Equal(1, _room.Reactions.Count("❤"));
        Assert.Equal(4, _room.Reactions.ToJson()["total"]!.GetValue<long>());
    }

    [Fact]
    public void Emotes_the_platform_marked_count_as_reactions_and_text_with_emoji_is_a_message()
    {
        var emote = At(1, "Kappa PogChamp") with { Emotes = [new ChatEmote("Kappa", 0, 5), new ChatEmote("PogChamp", 6, 8)] };
        Assert.Equal("reaction", _stage.Process(emote).DropReason);
        Assert.Equal(1, _room.Reactions.Count("PogChamp"));
        Assert.NotNull(_stage.Process(At(1, "love it 🔥")).Message);
        Assert.NotNull(_stage.Process(At(1, "5️⃣0️⃣")).Message); // a bid in emoji digits, not a reaction
    }

    [Fact]
    public void Mentions_are_annotated_and_highlighted()
    {
        var passed = _stage.Process(At(1, "@host can you zoom in")).Message!;
        Assert.Equal("mention", passed.Highlight);
        Assert.Contains(passed.Annotations, a => a.Kind == "mention" && a.Flags.Contains("@host"));
    }

    [Fact]
    public void Replies_are_grouped_under_the_message_they_answer()
    {
        var question = At(1, "is shipping included?", "ana", id: "q1");
        _stage.Process(question);
        var answer = _stage.Process(At(2, "yes it is", "host") with { ReplyTo = "q1" }).Message!;
        var follow = _stage.Process(At(3, "@host thanks!", "ana", id: "f1")).Message!;
        var unrelated = _stage.Process(At(4, "gm", "bob")).Message!;

        Assert.Contains(answer.Annotations, a => a.Kind == "reply" && a.Flags.SequenceEqual(["reply-to:q1", "thread:q1"]) && a.Confidence == 1);
        var inferred = Assert.Single(follow.Annotations, a => a.Kind == "reply");
        Assert.Contains("thread:q1", inferred.Flags);
        Assert.True(inferred.Confidence < 1);
        Assert.DoesNotContain(unrelated.Annotations, a => a.Kind == "reply");
    }
}
