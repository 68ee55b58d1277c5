using System.Text.Json.Nodes;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

namespace StreamEngine.Application;

public sealed partial class ShowController : IDisposable
{
    private readonly HashSet<string> _reportedErrors = [];
    private readonly ProcessCpu _cpu = new();
    private Timer? _statsTimer;

    public event Action<ShowEvent>? Events;

    /// <summary>Starts forwarding output, animation and error events, and frame stats once a second.</summary>
    public void StartEvents()
    {
        encoder.OutputStateChanged += OnOutputState;
        session.Animations.Events += OnAnimation;
        session.Scripts.Failed += OnScriptFailed;
        session.Chat.MessageShown += OnChatMessage;
        session.Chat.MessageRemoved += OnChatMessageRemoved;
        StartPluginEvents();
        if (session.Preview is { } preview) preview.Encoded += OnPreview;
        _statsTimer = new Timer(_ => PublishStats(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void OnOutputState(OutputStateChange change) => Publish(EventCategory.Outputs, change.Step is null ? "OutputStateChanged" : "OutputBitrateChanged",
        change.Step is not { } step
            ? new JsonObject { ["outputId"] = change.OutputId, ["target"] = change.Target, ["state"] = change.State.ToString(), ["reason"] = change.Reason }
            : new JsonObject
            {
                ["outputId"] = change.OutputId, ["target"] = change.Target, ["fromKbps"] = step.FromKbps, ["videoBitrateKbps"] = step.ToKbps,
                ["direction"] = step.ToKbps < step.FromKbps ? "down" : "up", ["speed"] = step.Speed, ["backlogSeconds"] = step.BacklogSeconds,
                ["reason"] = change.Reason,
            });

    /// <summary>Once a second, each running output's health (the same figures as GET /api/outputs and /metrics).</summary>
    private void PublishOutputHealth()
    {
        foreach (var output in Outputs())
        {
            if (output.Health is not { } h || output.State is "Stopped" or "Failed") continue;
            Publish(EventCategory.Outputs, "OutputHealth", new JsonObject
            {
                ["outputId"] = output.Id, ["target"] = output.Target, ["state"] = output.State, ["bitrateKbps"] = h.BitrateKbps, ["fps"] = h.Fps,
                ["speed"] = h.Speed, ["droppedFrames"] = h.DroppedFrames, ["reconnects"] = output.Reconnects, ["uptimeSeconds"] = h.UptimeSeconds,
                ["videoBitrateKbps"] = output.VideoBitrateKbps,
            });
        }
    }

    private void OnAnimation(AnimationEvent e)
    {
        if (e.Kind == AnimationEventKind.Frame) return;
        Publish(EventCategory.Animations, "Animation" + e.Kind, new JsonObject
        {
            ["animationId"] = e.AnimationId, ["showTime"] = e.ShowTime, ["label"] = e.Label,
        });
    }

    /// <summary>
    /// Every message as it enters the show, whatever its source (the API, a chat source, a simulated audience), with the
    /// bid read from it by the one rule the chat layer and scripts use (<see cref="BidText"/>), so the dashboard shows the same amount.
    /// </summary>
    private void OnChatMessage(ChatMessage message) => Publish(EventCategory.Chat, "ChatMessage", new JsonObject
    {
        ["id"] = message.Id, ["source"] = message.Source, ["author"] = message.Author, ["text"] = message.Text,
        ["badges"] = new JsonArray([.. message.Badges.Select(b => JsonValue.Create(b))]), ["color"] = message.Color,
        ["highlight"] = message.Highlight, ["time"] = DateTimeOffset.UtcNow.ToString("O"), ["showTime"] = message.ShownAt.Seconds,
        ["bid"] = BidText.TryRead(message, out var bid) && bid is not null
            ? new JsonObject { ["amount"] = bid.Amount, ["currency"] = bid.Currency, ["display"] = bid.Display }
            : null,
        ["kind"] = message.Verdict?.Kind, ["amount"] = message.Verdict?.Amount, ["currency"] = message.Verdict?.Currency,
        ["raise"] = message.Verdict?.Raise, ["sentiment"] = message.Verdict?.Sentiment, ["confidence"] = message.Verdict?.Confidence,
        ["flags"] = new JsonArray([.. (message.Verdict?.Flags ?? []).Select(f => JsonValue.Create(f))]),
        ["annotations"] = new JsonArray([.. message.Annotations.Select(a => (JsonNode)new JsonObject
        {
            ["stage"] = a.Stage, ["kind"] = a.Kind, ["confidence"] = a.Confidence, ["amount"] = a.Amount,
            ["flags"] = new JsonArray([.. a.Flags.Select(f => JsonValue.Create(f))]),
        })]),
    });

    /// <summary>Only encoded while a WebSocket client subscribed to the preview (see ControlPlane).</summary>
    private void OnPreview(PreviewImage image) => Publish(EventCategory.Preview, "PreviewFrame", new JsonObject
    {
        ["frame"] = image.Frame, ["width"] = image.Width, ["height"] = image.Height, ["jpeg"] = Convert.ToBase64String(image.Jpeg),
    });

    /// <summary>A message that left the show: removed on its platform (a moderator, a ban) or over the API.</summary>
    private void OnChatMessageRemoved(ChatMessage message) => Publish(EventCategory.Chat, "ChatMessageRemoved", new JsonObject
    {
        ["id"] = message.Id, ["source"] = message.Source, ["author"] = message.Author,
    });

    private void OnScriptFailed(Scripting.ScriptStatus script) => Publish(EventCategory.Errors, "ScriptFailed", new JsonObject
    {
        ["name"] = script.Name, ["state"] = script.State.ToString().ToLowerInvariant(), ["error"] = script.LastError?.ToString(),
    });

    private void PublishStats()
    {
        var stats = Stats();
        Publish(EventCategory.Stats, "FrameStats", new JsonObject
        {
            ["frames"] = stats.Frames, ["dropped"] = stats.Dropped, ["renderMsP50"] = stats.RenderMsP50,
            ["renderMsP99"] = stats.RenderMsP99, ["jitterMsP99"] = stats.JitterMsP99, ["animations"] = stats.Animations,
            ["encoderGaps"] = stats.EncoderGaps, ["longestEncoderGapMs"] = stats.LongestEncoderGapMs,
            ["cpuPercent"] = _cpu.Percent(), ["memoryBytes"] = Environment.WorkingSet,
        });
        PublishOutputHealth();
        foreach (var (layerId, error) in session.Compositor.Errors.ToList())
            if (_reportedErrors.Add($"{layerId}:{error}"))
                Publish(EventCategory.Errors, "LayerRenderFailed", new JsonObject { ["layerId"] = layerId, ["error"] = error });
    }

    private void PublishLayer(string type, string id, LayerState? layer) => Publish(EventCategory.Layers, type, new JsonObject
    {
        ["layerId"] = id, ["layer"] = layer is null ? null : LayerJson.ToJson(layer),
    });

    /// <summary>A layer shown or hidden by a request: control surfaces light their buttons from it.</summary>
    private void PublishVisibility(string id, bool visible, string? sceneName = null) => Publish(EventCategory.Layers, "SceneItemEnableStateChanged", new JsonObject
    {
        ["sceneName"] = sceneName ?? session.Scenes.OnAir, ["layerId"] = id, ["sceneItemEnabled"] = visible,
    });

    private void Publish(EventCategory category, string type, JsonObject data)
    {
        try { Events?.Invoke(new ShowEvent(category, type, data)); }
        catch (Exception) { /* a subscriber's failure must not reach the engine; subscribers log their own */ }
    }

    public void Dispose()
    {
        _statsTimer?.Dispose();
        encoder.OutputStateChanged -= OnOutputState;
        session.Animations.Events -= OnAnimation;
        session.Scripts.Failed -= OnScriptFailed;
        session.Chat.MessageShown -= OnChatMessage;
        session.Chat.MessageRemoved -= OnChatMessageRemoved;
        StopPluginEvents();
        if (session.Preview is { } preview) preview.Encoded -= OnPreview;
    }
}
