using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace PluginName;

/// <summary>
/// <c>plugin-id.ticker</c>: a chat source that says <c>settings.text</c> every <c>settings.everySeconds</c> of show
/// time (default 10). A real source would connect to a chat service in <c>StartAsync</c> and post what it receives.
/// </summary>
public sealed class TickerSource : IChatSourceType
{
    /// <inheritdoc />
    public string Name => "plugin-id.ticker";

    /// <inheritdoc />
    public IChatSource Create(ChatSourceContext context)
    {
        var every = Number(context.Settings["everySeconds"]) ?? 10;
        if (!double.IsFinite(every) || every < 1 || every > 3600)
            throw new ArgumentException($"settings.everySeconds: expected 1 to 3600, got {every}");
        var text = context.Settings["text"] is JsonValue t && t.TryGetValue<string>(out var s) && s.Length > 0 ? s : "tick";
        return new Running(context, every, text);
    }

    /// <summary>A JSON number, whether it came from a file (text) or from code (an int, a double …); null otherwise.</summary>
    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private sealed class Running(ChatSourceContext context, double every, string text) : IChatSource, IShowTimeChatSource
    {
        private long _said;

        public bool CanSend => false;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            context.Sink.Report(ChatConnectionState.Live);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            context.Sink.Report(ChatConnectionState.Stopped);
            return Task.CompletedTask;
        }

        public Task SendAsync(string message, string? replyTo, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the ticker cannot send");

        // Called on the frame thread with show time: an offline render gets the same chat.
        public void OnFrame(FrameTime time, IChatFeed chat)
        {
            while ((_said + 1) * every <= time.Seconds)
            {
                _said++;
                context.Sink.Post(new IncomingChatMessage($"{context.Id}-{_said}", "ticker", "Ticker", text, DateTimeOffset.UnixEpoch.AddSeconds(_said * every)));
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
