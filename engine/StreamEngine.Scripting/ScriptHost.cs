using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Scripting;

/// <summary>
/// Runs the show's scripts as a frame hook. Each frame, in order: start versions compiled since the last frame, end
/// the host character's finished lines, then for each running script deliver this frame's chat messages (chat, bids,
/// questions), its animations' events, its due timers, and its frame hooks. Compiling happens off the frame thread.
/// </summary>
public sealed partial class ScriptHost : IFrameHook, IDisposable
{
    private readonly ShowAccess _show;
    private readonly ChatFeed _chat;
    private readonly ILogger _logger;
    private volatile ScriptSlot[] _slots = [];
    private List<ChatMessage> _messages = [], _deliveringMessages = [];
    private List<AnimationEvent> _events = [], _deliveringEvents = [];
    private JsonObject _restored = new();

    public ScriptHost(ShowAccess show, ChatFeed chat, ILogger<ScriptHost> logger)
    {
        _show = show;
        _chat = chat;
        _logger = logger;
        chat.MessageShown += OnMessage;
        show.Animations.Events += OnAnimationEvent;
    }

    public ShowAccess Show => _show;

    /// <summary>Milliseconds spent in scripts per frame (raised on the frame thread, for metrics and the bench).</summary>
    public event Action<double>? FrameTimed;

    /// <summary>Raised when a script reports an error (a refused version, a failed call, disabled); on the frame thread or a compile thread.</summary>
    public event Action<ScriptStatus>? Failed;

    public IReadOnlyList<ScriptStatus> Statuses() => [.. _slots.Where(s => s.Language != ScriptLanguage.Behaviour).Select(s => s.Status)];

    /// <summary>Script states saved with a scene, given before the scripts are added.</summary>
    public void Restore(JsonObject? states) => _restored = states ?? new JsonObject();

    /// <summary>Adds a script and compiles it now (off the frame thread); it starts at the next frame. Errors are reported, not thrown.</summary>
    public async Task<ScriptStatus> AddAsync(string path)
    {
        var slot = new ScriptSlot(path, _show, _logger, s => Failed?.Invoke(s.Status));
        if (_slots.Any(s => s.Name == slot.Name)) throw new ArgumentException($"{path}: a script named {slot.Name} is already loaded; script file names must differ");
        if (_restored[slot.Name] is JsonObject saved) slot.Restore((JsonObject)saved.DeepClone());
        lock (_restored) _slots = [.. _slots, slot];
        await PrepareAsync(slot);
        return slot.Status;
    }

    /// <summary>Compiles the script's file again and, if it compiles, swaps it in at the next frame boundary.</summary>
    public Task<ScriptStatus> ReloadAsync(string name)
    {
        var slot = _slots.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"script '{name}' is not loaded");
        return PrepareAsync(slot).ContinueWith(_ => slot.Status, TaskScheduler.Default);
    }

    /// <summary>Every problem in a script file (syntax, compile errors, forbidden APIs) without running it.</summary>
    public static IReadOnlyList<ScriptError> Check(string path)
    {
        try
        {
            ScriptCompiler.Prepare(path, File.ReadAllText(path));
            return [];
        }
        catch (ScriptLoadException e) { return e.Errors; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return [new ScriptError(path, 0, 0, $"cannot read the file: {e.Message}")]; }
    }

    internal ScriptRuntime? Runtime(string name) => _slots.FirstOrDefault(s => s.Name == name)?.Runtime;

    /// <summary>Each script's state, for the scene snapshot. Frame thread only.</summary>
    public JsonObject SaveStates()
    {
        var states = (JsonObject)_restored.DeepClone();
        foreach (var slot in _slots) states[slot.Name] = slot.SaveState().DeepClone();
        return states;
    }

    public void OnFrame(FrameTime time)
    {
        var started = Stopwatch.GetTimestamp();
        _show.Now = time;
        (_deliveringMessages, _messages) = (_messages, _deliveringMessages);
        (_deliveringEvents, _events) = (_events, _deliveringEvents);
        foreach (var slot in _slots) slot.ActivatePending();
        _show.EndSpeeches();
        foreach (var slot in _slots) Deliver(slot, time);
        _deliveringMessages.Clear();
        _deliveringEvents.Clear();
        if (_slots.Length > 0) FrameTimed?.Invoke(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void Deliver(ScriptSlot slot, FrameTime time)
    {
        foreach (var message in _deliveringMessages)
        {
            if (slot.Api is not { } api) return;
            foreach (var handler in api.ChatHandlers.ToArray()) slot.Call(() => handler(message));
            if (api.BidHandlers.Count > 0)
            {
                if (BidParser.Parse(message, out var refusal) is { } bid)
                    foreach (var handler in api.BidHandlers.ToArray()) slot.Call(() => handler(bid));
                else if (refusal is not null)
                    _logger.LogInformation("{Script}: chat from {Author} is not a bid: {Reason}", slot.Status.Name, message.Author, refusal);
            }
            if (api.QuestionHandlers.Count > 0 && BidParser.IsQuestion(message))
                foreach (var handler in api.QuestionHandlers.ToArray()) slot.Call(() => handler(message));
        }
        foreach (var e in _deliveringEvents)
        {
            if (slot.Api is not { } api) return;
            foreach (var handler in api.AnimationHandlers(e.AnimationId, e.Kind).ToArray()) slot.Call(handler);
        }
        if (slot.Api is { } timed) foreach (var timer in timed.TakeDueTimers()) slot.Call(timer);
        if (slot.Api is { } framed) foreach (var handler in framed.FrameHandlers.ToArray()) slot.Call(() => handler(time));
    }

    private async Task PrepareAsync(ScriptSlot slot)
    {
        try
        {
            var source = await ReadAsync(slot.Path);
            slot.Offer(await Task.Run(() => ScriptCompiler.Prepare(slot.Path, source)));
        }
        catch (ScriptLoadException e)
        {
            slot.Refuse(e);
        }
    }

    private static async Task<string> ReadAsync(string path)
    {
        // An editor may still be writing the file when it is reported changed.
        for (var attempt = 0; ; attempt++)
        {
            try { return await File.ReadAllTextAsync(path); }
            catch (IOException) when (attempt < 5 && File.Exists(path)) { await Task.Delay(50); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ScriptLoadException([new ScriptError(path, 0, 0, $"cannot read the file: {e.Message}")]);
            }
        }
    }

    private void OnMessage(ChatMessage message) => _messages.Add(message);

    private void OnAnimationEvent(AnimationEvent e)
    {
        if (_slots.Length > 0) _events.Add(e);
    }

    public void Dispose()
    {
        StopWatching();
        _chat.MessageShown -= OnMessage;
        _show.Animations.Events -= OnAnimationEvent;
        foreach (var slot in _slots) slot.Runtime?.Dispose();
    }
}
