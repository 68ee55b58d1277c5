using System.Text.Json.Nodes;
using StreamEngine.Plugins.Chat.Stages;
using static StreamEngine.Plugins.Chat.Tests.Messages;

namespace StreamEngine.Plugins.Chat.Tests;

public class ModerationTests
{
    private readonly ManualClock _clock = new();
    private readonly ChatRoom _room;
    private readonly ModerationStage _stage;

    public ModerationTests()
    {
        _room = new ChatRoom(_clock);
        _stage = new ModerationStage(_room);
    }

    private string? Dropped(Sdk.Chat.ChatMessage m) => _stage.Process(m).DropReason;

    [Fact]
    public void A_banned_author_is_dropped_until_unbanned_and_a_timeout_ends_on_the_clock()
    {
        _room.Bans.Add("Troll", null, "abuse");
        _room.Bans.Add("@loud", 60, null);
        Assert.Equal("banned", Dropped(At(1, "hi", "troll")));
        Assert.Equal("banned", Dropped(At(1, "hi", "loud")));
        _clock.Now = _clock.Now.AddSeconds(61);
        Assert.Null(Dropped(At(2, "hi again", "loud")));
        Assert.True(_room.Bans.Remove("troll"));
        Assert.Null(Dropped(At(3, "sorry", "troll")));
    }

    [Fact]
    public void Bans_saved_as_json_come_back_in_a_new_room()
    {
        _room.Bans.Add("troll", null, "abuse");
        _room.Bans.Add("loud", 600, null);
        var saved = JsonNode.Parse(_room.Bans.ToJson().ToJsonString());

        var next = new ChatRoom(_clock);
        next.Bans.Load(saved);

        Assert.Equal(["loud", "troll"], next.Bans.List().Select(b => b.Author));
        Assert.True(next.Bans.Holds("TROLL", null));
    }

    [Theory]
    [InlineData("you are a h4t3r")]
    [InlineData("H A T E R")]
    [InlineData("haaaater!!")]
    [InlineData("h.a.t.e.r")]
    public void Blocked_words_are_caught_through_leetspeak(string text)
    {
        _room.Settings = _room.Settings.With(new JsonObject { ["blockedWords"] = new JsonArray("hater") });
        Assert.Equal("blocked word", Dropped(At(1, text)));
    }

    [Fact]
    public void A_blocked_word_does_not_catch_innocent_words_and_patterns_apply_to_the_text()
    {
        _room.Settings = _room.Settings.With(new JsonObject { ["blockedWords"] = new JsonArray("ass"), ["blockedPatterns"] = new JsonArray(@"\bcrypto\s*giveaway\b") });
        Assert.Null(Dropped(At(1, "what a classic piece", "a")));
        Assert.Equal("blocked word", Dropped(At(1, "a$$", "b")));
        Assert.Equal("blocked word", Dropped(At(1, "CRYPTO GIVEAWAY here", "c")));
    }

    [Fact]
    public void Links_follow_the_policy_and_moderators_may_post_them()
    {
        Assert.Equal("link", Dropped(At(1, "buy at www.cheap-lamps.shop now")));
        Assert.Null(Dropped(At(1, "rules: example.com/rules", "mod", badges: ["moderator"])));
        _room.Settings = _room.Settings.With(new JsonObject { ["links"] = "allow" });
        Assert.Null(Dropped(At(2, "https://example.org/lamp")));
    }

    [Fact]
    public void An_author_over_the_rate_is_dropped_until_the_window_passes()
    {
        _room.Settings = _room.Settings.With(new JsonObject { ["rateCount"] = 3, ["rateSeconds"] = 10 });
        var verdicts = Enumerable.Range(0, 5).Select(i => Dropped(At(1 + i * 0.1, $"message {i}"))).ToList();
        Assert.Equal([null, null, null, "rate limit", "rate limit"], verdicts);
        Assert.Null(Dropped(At(11.5, "later")));
    }

    [Fact]
    public void The_same_text_twice_from_one_author_is_a_repeat_and_from_many_authors_a_flood()
    {
        Assert.Null(Dropped(At(1, "BUY NOW")));
        Assert.Equal("repeat", Dropped(At(2, "buy now")));
        Assert.Null(Dropped(At(2, "buy now", "bob")));
        var pasted = Enumerable.Range(0, 12).Select(i => Dropped(At(3, "copy this message everyone", $"user{i}"))).ToList();
        Assert.Equal(8, pasted.Count(r => r is null));
        Assert.All(pasted.Skip(8), r => Assert.Equal("flood", r));
    }

    [Fact]
    public void The_producers_api_messages_skip_rate_and_spam_checks_but_not_bans()
    {
        _room.Settings = _room.Settings.With(new JsonObject { ["rateCount"] = 1 });
        Assert.All(Enumerable.Range(0, 5), _ => Assert.Null(Dropped(At(1, "same text", "host", source: "api"))));
        _room.Bans.Add("host", null, null);
        Assert.Equal("banned", Dropped(At(1, "x", "host", source: "api")));
    }

    [Fact]
    public void Settings_refuse_bad_values_naming_the_field()
    {
        var e = Assert.Throws<ArgumentException>(() => _room.Settings.With(new JsonObject { ["links"] = "sometimes" }));
        Assert.Equal("links", e.ParamName);
        Assert.Equal("blockedPatterns", Assert.Throws<ArgumentException>(() => _room.Settings.With(new JsonObject { ["blockedPatterns"] = new JsonArray("(") })).ParamName);
        Assert.Equal("rateCount", Assert.Throws<ArgumentException>(() => _room.Settings.With(new JsonObject { ["rateCount"] = double.NaN.ToString() })).ParamName);
    }
}
