using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Sdk.Testing;

/// <summary>
/// A chat source type that plays a script: each line is posted when show time reaches its second, so a run repeats
/// exactly (it speaks in show time, like the engine's simulated audience). Give the lines in code with
/// <see cref="At"/>, or in the source's settings as <c>{"messages": [{"at": 1.5, "author": "ana", "text": "bid 3"}]}</c>.
/// Register it from a test plugin to drive a live engine, or create a source and call <c>OnFrame</c> yourself.
/// </summary>
/// <param name="name">The type name a scene's chat section uses.</param>
public sealed class ScriptedChatSource(string name = "scripted") : IChatSourceType
{
    private readonly List<ScriptedLine> _lines = [];

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>Adds a line said by <paramref name="author"/> at <paramref name="seconds"/> of show time.</summary>
    public ScriptedChatSource At(double seconds, string author, string text)
    {
        if (!double.IsFinite(seconds) || seconds < 0) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "expected a time of 0 s or later");
        _lines.Add(new ScriptedLine(seconds, author, text));
        return this;
    }

    /// <inheritdoc />
    public IChatSource Create(ChatSourceContext context)
    {
        var lines = new List<ScriptedLine>(_lines);
        if (context.Settings["messages"] is JsonArray messages)
            foreach (var (entry, index) in messages.Select((m, i) => (m, i)))
                lines.Add(entry is JsonObject { } o && Seconds(o["at"]) is { } at && double.IsFinite(at) && at >= 0
                    && Text(o["author"]) is { Length: > 0 } author && Text(o["text"]) is { } text
                    ? new ScriptedLine(at, author, text)
                    : throw new ArgumentException($"settings.messages[{index}]: expected {{\"at\": seconds >= 0, \"author\": \"name\", \"text\": \"…\"}}"));
        return new Running(context, [.. lines.OrderBy(l => l.Seconds)]);
    }

    private static double? Seconds(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private sealed record ScriptedLine(double Seconds, string Author, string Text);

    private sealed class Running(ChatSourceContext context, ScriptedLine[] lines) : IChatSource, IShowTimeChatSource
    {
        private int _next;
        private bool _live;

        public bool CanSend => false;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _live = true;
            context.Sink.Report(ChatConnectionState.Live);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _live = false;
            context.Sink.Report(ChatConnectionState.Stopped);
            return Task.CompletedTask;
        }

        public Task SendAsync(string text, string? replyTo, CancellationToken cancellationToken) =>
            throw new NotSupportedException($"chat source '{context.Id}' plays a script and cannot send");

        public void OnFrame(FrameTime time, IChatFeed chat)
        {
            for (; _live && _next < lines.Length && lines[_next].Seconds <= time.Seconds; _next++)
            {
                var line = lines[_next];
                context.Sink.Post(new IncomingChatMessage($"{context.Id}-{_next + 1}", line.Author.ToLowerInvariant(), line.Author, line.Text,
                    DateTimeOffset.UnixEpoch.AddSeconds(line.Seconds)));
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
