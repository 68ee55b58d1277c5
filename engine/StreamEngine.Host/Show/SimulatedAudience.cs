using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;

namespace StreamEngine.Host.Show;

/// <summary>
/// A pretend audience for demos and rehearsals: posts chat messages from a JSON file at their show times, over and over.
/// <c>{ "loop": 60, "messages": [ { "at": 2.5, "author": "mara.eth", "text": "2.6 ETH", "badges": ["verified"], "color": "#7dd3fc" } ] }</c>
/// </summary>
internal sealed class SimulatedAudience(ChatFeed chat, IReadOnlyList<(double At, ChatPost Post)> messages, double loopSeconds) : IFrameHook
{
    private long _lastFrame = -1;

    /// <summary>The <c>--audience FILE</c> option of run, render and demo.</summary>
    public static Option<string?> Option() =>
        new("--audience") { Description = "post chat messages from this JSON file at their show times, looping (rehearsals, demos)" };

    /// <summary>Adds the audience in <paramref name="path"/>, if one was given, to the show's frame hooks.</summary>
    public static void Attach(ShowSession session, string? path)
    {
        if (path is not null) session.Hooks.Add(Load(path, session.Chat));
    }

    public static SimulatedAudience Load(string path, ChatFeed chat)
    {
        try { return Parse(JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException("expected an object"), path, chat); }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or FormatException)
        {
            throw new UserInputException(path, path, $"expected an audience file {{ \"loop\": seconds, \"messages\": [{{ \"at\", \"author\", \"text\" }}] }}: {e.Message}");
        }
    }

    private static SimulatedAudience Parse(JsonObject file, string path, ChatFeed chat)
    {
        var messages = (file["messages"] as JsonArray ?? []).Select((m, i) =>
        {
            var where = $"{path}: messages[{i}]";
            var at = m?["at"]?.GetValue<double>() ?? throw new UserInputException(path, where, "expected \"at\" (seconds)");
            var author = m["author"]?.GetValue<string>() ?? throw new UserInputException(path, where, "expected \"author\"");
            var text = m["text"]?.GetValue<string>() ?? throw new UserInputException(path, where, "expected \"text\"");
            var badges = (m["badges"] as JsonArray)?.Select(b => b!.GetValue<string>()).ToList();
            return (at, new ChatPost("demo", author, text, badges, m["color"]?.GetValue<string>(), m["highlight"]?.GetValue<string>()));
        }).OrderBy(m => m.at).ToList();
        var loop = file["loop"]?.GetValue<double>() ?? (messages.Count > 0 ? messages[^1].at + 5 : 60);
        return new SimulatedAudience(chat, messages, Math.Max(1, loop));
    }

    public void OnFrame(FrameTime time)
    {
        // Every message whose time falls in (previous frame, this frame], modulo the loop.
        var previous = _lastFrame < 0 ? -1 : Within((double)_lastFrame / time.Fps);
        var now = Within(time.Seconds);
        _lastFrame = time.Index;
        foreach (var (at, post) in messages)
            if (previous < now ? at > previous && at <= now : at > previous || at <= now)
                chat.Post(post);
    }

    private double Within(double seconds) => seconds % loopSeconds;
}
