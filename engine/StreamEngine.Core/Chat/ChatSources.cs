using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Core.Chat;

/// <summary>One configured chat source: <c>{ "id": "twitch", "type": "twitch", "settings": { … } }</c> in the scene's <c>chat.sources</c>.</summary>
public sealed record ChatSourceConfig(string Id, string Type, JsonObject Settings);

/// <summary>A running chat source's id, type and connection state.</summary>
public sealed record ChatSourceStatus(string Id, string Type, ChatConnectionState State, string? Reason, int Reconnects, bool CanSend)
{
    /// <summary>Messages this source has posted since it started.</summary>
    public long Messages { get; init; }

    /// <summary>What the platform last said is left of each of its rate limits, by endpoint.</summary>
    public IReadOnlyList<ChatRateLimit> RateLimits { get; init; } = [];
}

/// <summary>One of a platform's rate limits as a chat source last reported it.</summary>
public sealed record ChatRateLimit(string Endpoint, int Limit, int Remaining, DateTimeOffset ResetsAt);

/// <summary>
/// The show's running chat sources, several at once, each posting into the chat feed. One can be added, removed or
/// replaced while live; when a plugin is reloaded its sources are replaced by the new version's (they reconnect).
/// Starting and stopping happen off the frame thread; a source that throws is reported as failed, the others go on.
/// </summary>
public sealed class ChatSources(ChatFeed feed, Func<string, IChatSourceType?> find, ILoggerFactory loggers) : IAsyncDisposable
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(3);
    private readonly ILogger _logger = loggers.CreateLogger<ChatSources>();
    private readonly Dictionary<string, ChatSourceRun> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changing = new(1, 1);

    /// <summary>The values plugins share in the show, handed to each source it creates (a simulated audience follows the auction's).</summary>
    public IShowValues? Values { get; init; }

    /// <summary>Raised (any thread) when a source reports a connection state: id, state, reason.</summary>
    public event Action<string, ChatConnectionState, string?>? StateChanged;

    public IReadOnlyList<ChatSourceStatus> List()
    {
        lock (_running) return [.. _running.Values.Select(r => r.Status)];
    }

    /// <summary>The type object each running source was made from (to tell which ones a plugin reload replaces).</summary>
    public IReadOnlyList<(ChatSourceConfig Config, IChatSourceType Type)> Types()
    {
        lock (_running) return [.. _running.Values.Select(r => (r.Config, r.Type))];
    }

    /// <summary>Starts a source; throws <see cref="ArgumentException"/> naming the field when the id is taken or the type unknown.</summary>
    public async Task AddAsync(ChatSourceConfig config, CancellationToken cancellationToken)
    {
        await _changing.WaitAsync(cancellationToken);
        try
        {
            lock (_running)
                if (_running.ContainsKey(config.Id)) throw new ArgumentException($"a chat source with id '{config.Id}' is already running", "id");
            await StartAsync(Create(config), cancellationToken);
        }
        finally { _changing.Release(); }
    }

    /// <summary>Stops and forgets a source; false when none has this id.</summary>
    public async Task<bool> RemoveAsync(string id)
    {
        await _changing.WaitAsync();
        try { return await StopAsync(id); }
        finally { _changing.Release(); }
    }

    /// <summary>Stops the source with this config's id (if any) and starts the config in its place: a new type, new settings, or a reloaded plugin.</summary>
    public async Task ReplaceAsync(ChatSourceConfig config, CancellationToken cancellationToken)
    {
        await _changing.WaitAsync(cancellationToken);
        try
        {
            var run = Create(config); // bad settings are refused before the running source is touched
            await StopAsync(config.Id);
            await StartAsync(run, cancellationToken);
        }
        finally { _changing.Release(); }
    }

    /// <summary>Sends a message from the show through a source that can send.</summary>
    public Task SendAsync(string id, string text, string? replyTo, CancellationToken cancellationToken)
    {
        ChatSourceRun? run;
        lock (_running) run = _running.GetValueOrDefault(id);
        if (run is null) throw new KeyNotFoundException($"chat source '{id}' is not running");
        if (!run.Source.CanSend) throw new NotSupportedException($"chat source '{id}' cannot send messages");
        return run.Source.SendAsync(text, replyTo, cancellationToken);
    }

    /// <summary>
    /// Sends a message from the show through every running source that can send, each on its own task (a slow platform
    /// never holds the caller, which may be the frame thread); returns how many sources it went to. Failures are logged.
    /// </summary>
    public int SendToAll(string text, string? replyTo)
    {
        List<ChatSourceRun> senders;
        lock (_running) senders = [.. _running.Values.Where(r => r.Source.CanSend)];
        foreach (var run in senders)
        {
            var id = run.Status.Id;
            _ = Task.Run(async () =>
            {
                try { await run.Source.SendAsync(text, replyTo, CancellationToken.None); }
                catch (Exception e) { _logger.LogWarning("Chat source {Id} did not send the show's message: {Reason}", id, e.Message); }
            });
        }
        return senders.Count;
    }

    /// <summary>A new source for the config, not started; throws <see cref="ArgumentException"/> naming the field when its type or settings cannot work.</summary>
    private ChatSourceRun Create(ChatSourceConfig config)
    {
        var type = find(config.Type) ?? throw Unknown(config.Type);
        var logger = loggers.CreateLogger("ChatSource");
        var run = new ChatSourceRun(config, type, feed, logger, Report);
        try { run.Source = type.Create(new ChatSourceContext(config.Id, (JsonObject)config.Settings.DeepClone(), run, logger) { Values = Values }); }
        catch (FormatException e) { throw new ArgumentException($"chat source '{config.Id}' ({config.Type}): settings.{e.Message}", "settings", e); }
        return run;
    }

    private async Task StartAsync(ChatSourceRun run, CancellationToken cancellationToken)
    {
        var config = run.Config;
        lock (_running) _running[config.Id] = run;
        run.Open();
        try { await run.Source.StartAsync(cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Report(ChatConnectionState.Failed, e.Message);
        }
        _logger.LogInformation("Chat source {Id} ({Type}) started", config.Id, config.Type);
    }

    private async Task<bool> StopAsync(string id)
    {
        ChatSourceRun? run;
        lock (_running)
            if (!_running.Remove(id, out run)) return false;
        run.Close();
        using var timeout = new CancellationTokenSource(StopWait);
        try
        {
            await run.Source.StopAsync(timeout.Token);
            await run.Source.DisposeAsync();
        }
        catch (Exception e)
        {
            _logger.LogWarning("Chat source {Id} did not stop cleanly: {Error}", id, e.Message);
        }
        Report(id, ChatConnectionState.Stopped, null);
        _logger.LogInformation("Chat source {Id} stopped", id);
        return true;
    }

    private void Report(string id, ChatConnectionState state, string? reason) => StateChanged?.Invoke(id, state, reason);

    /// <summary>An <see cref="ArgumentException"/>'s message without .NET's " (Parameter 'x')" tail, for a problem body.</summary>
    public static string Reason(ArgumentException e) => e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message;

    private static ArgumentException Unknown(string type) => new($"unknown chat source type '{type}'", "type");

    public async ValueTask DisposeAsync()
    {
        foreach (var id in List().Select(s => s.Id)) await RemoveAsync(id);
    }
}
