using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Scene;
using StreamEngine.Plugins;
using StreamEngine.Scripting;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Scripting;
using StreamEngine.State;

namespace StreamEngine.Application;

/// <summary>
/// What plugins add to a live show beyond layers: chat sources (configured by the scene's <c>chat</c> section), the
/// chat stages every message passes, and show behaviours (each runs like a script). When a plugin is reloaded, its
/// sources reconnect from the new version, its stages take over at the frame boundary, and its behaviours are
/// replaced keeping their state, so the old version holds nothing and unloads.
/// </summary>
public sealed class ShowExtensions : IAsyncDisposable
{
    private readonly ShowRuntime _session;
    private readonly StateWriter? _writer;
    private readonly IStateStore? _store;
    private readonly ILogger _logger;

    /// <summary>Behaviours' records when the show has no state store (an offline render): kept for the run.</summary>
    private readonly ConcurrentDictionary<string, List<JsonObject>>? _records;

    private int _unsent;

    /// <summary>
    /// A script's or behaviour's <c>Reply</c>: to every chat source that can send. With none (no X credentials, say) it
    /// says so at the 1st, 10th, 100th … time and the show goes on.
    /// </summary>
    private void SendChat(string text, string? replyTo)
    {
        if (ChatSources.SendToAll(text, replyTo) > 0) return;
        if (Interlocked.Increment(ref _unsent) is var n && Math.Log10(n) % 1 == 0)
            _logger.LogWarning("A reply was not sent ({Count} so far): no running chat source can send. The x source posts replies with the four TWITTER_* variables set (./stream-engine x check says which are missing); the show goes on", n);
    }

    private ShowExtensions(ShowRuntime session, StateWriter? writer, IStateStore? store, ILoggerFactory loggers)
    {
        _session = session;
        _writer = writer;
        _store = store;
        _logger = loggers.CreateLogger<ShowExtensions>();
        _records = writer is null ? new(StringComparer.Ordinal) : null;
        ChatSources = new ChatSources(session.Chat, session.Plugins.ChatSource, loggers) { Values = session.Access?.Values };
    }

    public ChatSources ChatSources { get; }

    /// <summary>Raised (any thread) when a behaviour publishes an event: behaviour id, type, data.</summary>
    public event Action<string, string, JsonObject>? BehaviourEvent;

    /// <summary>
    /// Reads the scene's chat section, installs its stages, starts its sources (and <paramref name="audience"/>, the
    /// <c>--audience</c> option's) and offers every plugin behaviour to the script host.
    /// </summary>
    public static async Task<ShowExtensions> StartAsync(ShowRuntime session, string scenePath, StateWriter? writer, IStateStore? store, ILoggerFactory loggers,
        CancellationToken cancellationToken, ChatSourceConfig? audience = null)
    {
        var plugins = session.Plugins;
        var (chat, problems) = ChatSettings.Read(scenePath, t => plugins.ChatSource(t) is not null, s => plugins.ChatStage(s) is not null);
        if (problems.Count > 0) throw new UserInputException(scenePath, problems);
        if (audience is not null && plugins.ChatSource(audience.Type) is null)
            throw new UserInputException("--audience", "--audience", $"chat source type '{audience.Type}' is not loaded; expected one of: {string.Join(", ", plugins.ChatSourceNames.Order())} (is the simulated audience plugin in the plugins directory?)");
        var extensions = new ShowExtensions(session, writer, store, loggers);
        var stages = chat.StagesNamed ? chat.Stages : [.. ChatSettings.DefaultStages.Where(s => plugins.ChatStage(s) is not null)];
        if (stages.Count > 0) session.Chat.Stages = new ChatStageChain(stages, plugins.ChatStage, loggers.CreateLogger<ChatStageChain>());
        session.Scripts.Show.Behaviour = session.Scripts.Behaviour;
        session.Scripts.Show.SendChat = extensions.SendChat;
        foreach (var behaviour in plugins.Behaviours) extensions.Offer(behaviour);
        plugins.Replaced += extensions.OnPluginReplaced;
        var failures = 0L;
        session.Chat.TimedSourceFailed += e => // logged at the 1st, 10th, 100th … failure: it may fail every frame
        {
            if (++failures is var n && Math.Log10(n) % 1 == 0)
                extensions._logger.LogWarning("A chat source speaking in show time failed this frame ({Count} so far): {Error}", n, e.Message);
        };
        try
        {
            foreach (var source in chat.Sources) await extensions.ChatSources.AddAsync(source, cancellationToken);
            if (audience is not null) await extensions.ChatSources.AddAsync(audience, cancellationToken);
        }
        catch (ArgumentException e)
        {
            await extensions.DisposeAsync();
            throw new UserInputException(audience is not null && e.Message.Contains("'audience'") ? "--audience" : scenePath, e.ParamName ?? "chat", ChatSources.Reason(e));
        }
        return extensions;
    }

    /// <summary>Answers a request to a behaviour's route on the frame thread (where its state lives); null when it has no such route.</summary>
    public async Task<BehaviourResponse?> RouteAsync(string id, string method, string path, JsonNode? body)
    {
        var work = SceneCommand.Read(_ =>
        {
            var behaviour = _session.Scripts.Behaviour(id);
            var route = behaviour?.Routes.FirstOrDefault(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && Matches(r.Path, path));
            return route is null ? Task.FromResult<BehaviourResponse?>(null) : Handle(route, new BehaviourRequest(method.ToUpperInvariant(), path.Trim('/'), body));
        });
        _ = _session.Scene.Enqueue(work);
        try { return await (await work.Result.WaitAsync(TimeSpan.FromSeconds(10))).WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (Exception e) when (e is not TimeoutException and not OutOfMemoryException)
        {
            _logger.LogError("Behaviour {Id} failed on {Method} {Path}: {Error}", id, method, path, e.Message);
            throw new ShowRequestException(RequestFailure.Failed, $"behaviour '{id}' failed on {method} {path}: {e.Message}", "path");
        }
        catch (TimeoutException)
        {
            throw new ShowRequestException(RequestFailure.Unavailable, $"behaviour '{id}' did not answer {method} {path} in time", "path");
        }
    }

    /// <summary>Whether a request path fits a route's path; a <c>{name}</c> segment takes any one segment (<c>bans/{author}</c>).</summary>
    internal static bool Matches(string route, string path)
    {
        var want = route.Trim('/').Split('/');
        var got = path.Trim('/').Split('/');
        return want.Length == got.Length && want.Zip(got).All(p => p.First is ['{', .., '}'] ? p.Second.Length > 0 : p.First == p.Second);
    }

    private static async Task<BehaviourResponse?> Handle(BehaviourRoute route, BehaviourRequest request) => await route.Handle(request);

    /// <summary>Frame thread: a reloaded plugin's sources reconnect from the new version, its behaviours are replaced with their state.</summary>
    private void OnPluginReplaced(LoadedPlugin? old, LoadedPlugin next)
    {
        foreach (var behaviour in next.Contributions.Behaviours) Offer(behaviour);
        var replaced = old?.Contributions.ChatSources ?? [];
        foreach (var (config, type) in ChatSources.Types().Where(t => replaced.Contains(t.Type)))
        {
            _logger.LogInformation("Chat source {Id}: plugin {Plugin} {Version} loaded; reconnecting with it", config.Id, next.Manifest.Id, next.Manifest.Version);
            _ = Task.Run(() => ChatSources.ReplaceAsync(config, CancellationToken.None)).ContinueWith(
                t => _logger.LogError("Chat source {Id} could not be restarted: {Error}", config.Id, t.Exception!.InnerException!.Message),
                TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    private void Offer(IShowBehaviour behaviour) =>
        _session.Scripts.OfferBehaviour(behaviour, show => new BehaviourContext(behaviour.Id, show, new BehaviourRecords(behaviour.Id, _writer, _store, _records), this));

    private sealed class BehaviourContext(string id, ScriptGlobals show, IBehaviourRecords records, ShowExtensions owner) : IBehaviourContext
    {
        public IShowApi Show => show;
        public IBehaviourRecords Records => records;
        public void Publish(string type, JsonObject data) => owner.BehaviourEvent?.Invoke(id, type, (JsonObject)data.DeepClone());
    }

    public async ValueTask DisposeAsync()
    {
        _session.Plugins.Replaced -= OnPluginReplaced;
        await ChatSources.DisposeAsync();
    }
}
