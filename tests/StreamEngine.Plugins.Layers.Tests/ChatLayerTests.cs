using StreamEngine.Core.Chat;
using StreamEngine.Core.Rendering;
using StreamEngine.Sdk;
using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>The chat layer: how messages look (golden images), how they come in, and that memory stays flat.</summary>
public sealed class ChatLayerTests
{
    private static readonly ChatPost[] Conversation =
    [
        new("twitch", "pixel_painter", "Hello from Lisbon! Love this piece 🎨", ["subscriber"]),
        new("youtube", "Mod_Mira", "Reminder: bids go through the !bid command", ["moderator"]),
        new("x", "collector42", "!bid 2.5 ETH", [], "#ff9f1c", "bid"),
        new("twitch", "curious_cat", "What year was the original made?", [], null, "question"),
        new("youtube", "نور", "مرحبا من القاهرة", ["verified"]),
        new("twitch", "fan_club", "@auctioneer can you show the back of the frame? It would help a lot with the condition report we are all wondering about", ["vip"]),
        new("x", "night_owl", "this stream is 🔥🔥🔥"),
    ];

    [Fact]
    public void Chat_column_shows_authors_badges_and_highlights_on_the_right_of_the_frame() =>
        GoldenImage.CheckAt("chat-column", 640, 360, 90, services => Post(services.Chat, Conversation, 0, 10),
            Backdrop, Layer("chat", "chat", """{ "column": { "width": 0.4 }, "mentions": ["@auctioneer"] }"""));

    [Fact]
    public void Chat_in_its_own_box_scrolls_old_messages_out_at_the_top() =>
        GoldenImage.CheckAt("chat-box", 360, 320, 200, services => Post(services.Chat, [.. Conversation, .. Conversation], 0, 12),
            Backdrop, Layer("chat", "chat", """{ "maxVisible": 6, "maxLines": 2, "font": { "size": 15 } }""", 20, 20, 300, 280));

    [Fact]
    public void New_message_fades_and_slides_in() =>
        GoldenImage.CheckAt("chat-entering", 360, 240, 63, services =>
            {
                Post(services.Chat, Conversation[..3], 0, 10);
                services.Chat.Post(Conversation[6]);
                services.Chat.OnFrame(new FrameTime(60, 30));
            },
            Backdrop, Layer("chat", "chat", """{ "column": "fill", "font": { "size": 16 } }""", 20, 10, 320, 220));

    [Fact]
    public void Idle_chat_is_not_drawn_again_until_a_message_arrives()
    {
        using var run = new ChatRun(320, 180, """{ "enter": 0.3 }""");
        run.Chat.Post(Conversation[0]);
        var drawn = Enumerable.Range(0, 30).Select(run.Frame).ToList();
        // Drawn while the message comes in (0.3 s = 9 frames), then the frame stays as it is.
        Assert.All(drawn[..9], Assert.True);
        Assert.All(drawn[10..], Assert.False);
        run.Chat.Post(Conversation[1]);
        // The new card starts fully transparent, so the first frame after it may equal the last one (nothing is drawn
        // again when no pixel of a layer changed); from the next frame on it is drawn.
        run.Frame(30);
        Assert.True(run.Frame(31));
        Assert.True(run.Frame(32));
    }

    [Fact]
    public void The_same_chat_renders_the_same_frames()
    {
        byte[] Render()
        {
            using var run = new ChatRun(320, 180, """{ "column": "fill" }""");
            for (var frame = 0; frame < 20; frame++)
            {
                if (frame % 3 == 0) run.Chat.Post(Conversation[frame / 3 % Conversation.Length]);
                run.Frame(frame);
            }
            return run.Compositor.Pixels.ToArray();
        }
        var first = Render();
        Assert.Contains(first, b => b != 0);
        Assert.Equal(first, Render());
    }

    [Fact]
    public void A_retracted_message_leaves_the_column_which_is_drawn_as_if_it_never_came()
    {
        byte[] Render(bool withSpam, bool retract)
        {
            using var run = new ChatRun(320, 180, """{ "column": "fill" }""");
            run.Chat.Post(Conversation[0] with { Id = "a" });
            if (withSpam) run.Chat.Post(new ChatPost("twitch", "spammer", "FREE ETH giveaway, DM me now") { Id = "spam" });
            run.Chat.Post(Conversation[4] with { Id = "c" });
            for (var frame = 0; frame < 30; frame++) run.Frame(frame);
            if (retract) run.Chat.Retract(new ChatRetraction("twitch", "spam", null));
            Assert.Equal(retract, run.Frame(30)); // drawn anew only when something left
            return run.Compositor.Pixels.ToArray();
        }
        var shown = Render(withSpam: true, retract: false);
        var retracted = Render(withSpam: true, retract: true);
        Assert.NotEqual(shown, retracted);
        Assert.Equal(Render(withSpam: false, retract: false), retracted);
    }

    [Theory]
    [InlineData("""{ "column": "middle" }""", "props.column: expected \"fill\" or { side, width }")]
    [InlineData("""{ "column": { "side": "top" } }""", "props.column.side: expected left or right")]
    [InlineData("""{ "column": { "width": 2 } }""", "props.column.width: expected a fraction")]
    [InlineData("""{ "maxVisible": 0 }""", "props.maxVisible: expected a whole number from 1 to 100")]
    [InlineData("""{ "mentions": "@me" }""", "props.mentions: expected a list of strings")]
    public void Bad_chat_props_show_an_error_naming_the_prop(string props, string error) =>
        Assert.Contains(error, Assert.Single(GoldenImage.Errors(320, 180, Layer("chat", "chat", props))).Error);

    /// <summary>Posts the messages one every <paramref name="every"/> frames from <paramref name="first"/>, as the frame hook stamps them.</summary>
    private static void Post(ChatFeed chat, IEnumerable<ChatPost> posts, long first, int every)
    {
        var frame = first;
        foreach (var post in posts)
        {
            chat.Post(post);
            chat.OnFrame(new FrameTime(frame, 30));
            frame += every;
        }
    }
}
