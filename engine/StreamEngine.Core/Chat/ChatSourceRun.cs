using Microsoft.Extensions.Logging;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Core.Chat;

/// <summary>One running chat source and the sink it posts through; once closed, what the old instance still posts is ignored.</summary>
internal sealed class ChatSourceRun(ChatSourceConfig config, IChatSourceType type, ChatFeed feed, ILogger logger, Action<string, ChatConnectionState, string?> reported) : IChatSink
{
    private volatile bool _closed;
    private ChatConnectionState _state = ChatConnectionState.Connecting;
    private string? _reason;
    private int _reconnects;

    public ChatSourceConfig Config => config;

    public IChatSourceType Type => type;

    public IChatSource Source { get; set; } = null!;

    public ChatSourceStatus Status => new(config.Id, config.Type, _state, _reason, _reconnects, Source.CanSend);

    public void Close() => _closed = true;

    public void Post(IncomingChatMessage message)
    {
        if (_closed || message is null) return;
        feed.Post(ChatPost.From(config.Id, message));
    }

    public void Report(ChatConnectionState state, string? reason = null)
    {
        if (_closed) return;
        if (state == ChatConnectionState.Reconnecting) Interlocked.Increment(ref _reconnects);
        (_state, _reason) = (state, reason);
        if (state == ChatConnectionState.Failed) logger.LogError("Chat source {Id} failed: {Reason}", config.Id, reason);
        else logger.LogInformation("Chat source {Id} is {State}{Reason}", config.Id, state, reason is null ? "" : $": {reason}");
        reported(config.Id, state, reason);
    }
}
