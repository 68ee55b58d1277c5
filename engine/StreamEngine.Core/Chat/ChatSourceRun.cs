using System.Collections.Concurrent;
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
    private long _messages;
    private readonly ConcurrentDictionary<string, ChatRateLimit> _rateLimits = new(StringComparer.Ordinal);

    /// <summary>Endpoints kept per source: a plugin naming a new one per request cannot grow the metrics without bound.</summary>
    private const int MaxRateLimits = 32;

    public ChatSourceConfig Config => config;

    public IChatSourceType Type => type;

    public IChatSource Source { get; set; } = null!;

    public ChatSourceStatus Status => new(config.Id, config.Type, _state, _reason, _reconnects, Source.CanSend) {
        Messages = Interlocked.Read(ref _messages),
        RateLimits = [.. _rateLimits.Values.OrderBy(r => r.Endpoint, StringComparer.Ordinal)],
    };

    /// <summary>Starts calling a source that speaks in show time at every frame.</summary>
    public void Open()
    {
        if (Source is IShowTimeChatSource timed) feed.AddTimed(timed);
    }

    public void Close()
    {
        _closed = true;
        if (Source is IShowTimeChatSource timed) feed.RemoveTimed(timed);
    }

    public void Post(IncomingChatMessage message)
    {
        if (_closed || message is null) return;
        Interlocked.Increment(ref _messages);
        feed.Post(ChatPost.From(config.Id, message, feed.Limits));
    }

    public void Retract(string messageId)
    {
        if (!_closed && !string.IsNullOrEmpty(messageId)) feed.Retract(new ChatRetraction(config.Id, messageId, null));
    }

    public void RetractAuthor(string? authorId)
    {
        if (!_closed) feed.Retract(new ChatRetraction(config.Id, null, authorId));
    }

    public void Ban(string authorId, string? name, TimeSpan? duration)
    {
        if (!_closed && !string.IsNullOrEmpty(authorId)) feed.Retract(ChatRetraction.Banned(config.Id, authorId, name, duration));
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

    public void ReportRateLimit(string endpoint, int limit, int remaining, DateTimeOffset resetsAt)
    {
        if (_closed || string.IsNullOrWhiteSpace(endpoint) || endpoint.Length > 64 || endpoint.Any(char.IsControl)) return;
        if (!_rateLimits.ContainsKey(endpoint) && _rateLimits.Count >= MaxRateLimits) return;
        _rateLimits[endpoint] = new ChatRateLimit(endpoint, Math.Max(0, limit), Math.Clamp(remaining, 0, Math.Max(0, limit)), resetsAt);
    }
}
