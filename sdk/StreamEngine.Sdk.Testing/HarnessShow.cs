using System.Text.Json.Nodes;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;
using StreamEngine.Toolkit;

namespace StreamEngine.Sdk.Testing;

/// <summary>
/// The show API as <see cref="BehaviourHarness"/> gives it: layers kept as JSON and changed by merge patches as the
/// engine changes them; chat, bids (the engine's bid rule) and questions delivered to handlers; timers and frame
/// handlers run on the harness's clock. Animations are recorded with their specs, not played (the engine plays
/// them): assert what was started, or complete one with <see cref="HarnessAnimation.Complete"/>.
/// </summary>
public sealed partial class HarnessShow(ManualFrameClock clock, JsonObject state) : IShowApi
{
    private readonly List<JsonObject> _layers = [];
    private readonly List<Action<ChatMessage>> _chat = [], _questions = [];
    private readonly List<Action<Bid>> _bids = [];
    private readonly List<Action<FrameTime>> _frames = [];

    /// <summary>Lines the host was made to say: (text, seconds, layer).</summary>
    public List<(string Text, double? Seconds, string? Layer)> Said { get; } = [];

    /// <summary>Messages sent to the audience with <see cref="Reply"/>: (text, the message answered).</summary>
    public List<(string Text, string? ReplyTo)> Replies { get; } = [];

    /// <summary>Sounds played with <see cref="PlaySound"/>: (cue, channel).</summary>
    public List<(string Cue, string? Channel)> Sounds { get; } = [];

    /// <summary>Audio changes made with <see cref="SetAudio"/>: (channel, gain in dB, muted).</summary>
    public List<(string Channel, double? GainDb, bool? Muted)> AudioChanges { get; } = [];

    /// <summary>Show events raised with <see cref="Emit"/>.</summary>
    public List<string> Emitted { get; } = [];

    /// <summary>Animations and timelines started, in order.</summary>
    public List<HarnessAnimation> Animations { get; } = [];

    /// <summary>Outputs started (their targets), by id.</summary>
    public Dictionary<string, string> Outputs { get; } = [];

    /// <summary>Other behaviours' methods a call may reach: (behaviour, method) to a function of the argument.</summary>
    public Dictionary<(string Behaviour, string Method), Func<JsonNode?, JsonNode?>> Behaviours { get; } = [];

    /// <inheritdoc />
    public JsonObject State { get; } = state;

    /// <inheritdoc />
    public IScriptLog Log { get; } = new HarnessLog();

    /// <summary>The lines logged, as <c>info: …</c>, <c>warn: …</c>, <c>error: …</c>.</summary>
    public IReadOnlyList<string> Logged => ((HarnessLog)Log).Lines;

    /// <inheritdoc />
    public FrameTime Now => clock.Now;

    /// <summary>The values the behaviour shares with other plugins (<c>auction.lot</c> …), kept so a test can read them.</summary>
    public IShowValues Values { get; } = new ShowValues();

    /// <inheritdoc />
    public JsonObject? Layer(string id) => Find(id)?.DeepClone().AsObject();

    /// <inheritdoc />
    public IReadOnlyList<JsonObject> Layers() => [.. _layers.Select(l => l.DeepClone().AsObject())];

    /// <inheritdoc />
    public void Create(JsonObject layer)
    {
        var id = layer["id"]?.GetValue<string>() is { Length: > 0 } given ? given : throw new ArgumentException("layer: expected an \"id\"");
        if (layer["type"]?.GetValue<string>() is not { Length: > 0 }) throw new ArgumentException($"layer '{id}': expected a \"type\"");
        var copy = layer.DeepClone().AsObject();
        var index = _layers.FindIndex(l => l["id"]!.GetValue<string>() == id);
        if (index >= 0) _layers[index] = copy;
        else _layers.Add(copy);
    }

    /// <inheritdoc />
    public void Create(string layerJson) => Create(Parse(layerJson, "layer"));

    /// <inheritdoc />
    public void Update(string id, JsonObject patch) => MergePatch(Find(id) ?? throw new ArgumentException($"layer '{id}' does not exist"), patch);

    /// <inheritdoc />
    public void Update(string id, string patchJson) => Update(id, Parse(patchJson, "patch"));

    /// <inheritdoc />
    public void Remove(string id) => _layers.RemoveAll(l => l["id"]!.GetValue<string>() == id);

    /// <inheritdoc />
    public IScriptAnimation Animate(string layerId, JsonObject spec)
    {
        var copy = spec.DeepClone().AsObject();
        copy["target"] ??= layerId;
        return Started(copy);
    }

    /// <inheritdoc />
    public IScriptAnimation Animate(string layerId, string specJson) => Animate(layerId, Parse(specJson, "animation"));

    /// <inheritdoc />
    public IScriptAnimation Timeline(JsonObject spec) => Started(spec.DeepClone().AsObject());

    /// <inheritdoc />
    public IScriptAnimation Timeline(string specJson) => Timeline(Parse(specJson, "timeline"));

    /// <inheritdoc />
    public void Emit(string eventName) => Emitted.Add(eventName);

    /// <inheritdoc />
    public void Say(string text, double? seconds = null, string? layer = null) => Said.Add((text, seconds, layer));

    /// <inheritdoc />
    public void Reply(string text, string? replyTo = null) => Replies.Add((text, replyTo));

    /// <inheritdoc />
    public void PlaySound(string cue, string? channel = null) => Sounds.Add((cue, channel));

    /// <inheritdoc />
    public void SetAudio(string channel, double? gainDb = null, bool? muted = null) => AudioChanges.Add((channel, gainDb, muted));

    /// <inheritdoc />
    public JsonNode? Call(string behaviour, string method, JsonNode? argument = null) =>
        Behaviours.TryGetValue((behaviour, method), out var call) ? call(argument?.DeepClone())
            : throw new InvalidOperationException($"behaviour '{behaviour}' is not loaded (add it to the harness's Show.Behaviours)");

    /// <inheritdoc />
    public string StartOutput(string target)
    {
        var id = $"output-{Outputs.Count + 1}";
        Outputs[id] = target;
        return id;
    }

    /// <inheritdoc />
    public void StopOutput(string id)
    {
        if (!Outputs.Remove(id)) throw new ArgumentException($"output '{id}' does not exist");
    }

    private JsonObject? Find(string id) => _layers.FirstOrDefault(l => l["id"]!.GetValue<string>() == id);

    private HarnessAnimation Started(JsonObject spec)
    {
        var animation = new HarnessAnimation(spec["id"]?.GetValue<string>() ?? $"animation-{Animations.Count + 1}", spec);
        Animations.Add(animation);
        return animation;
    }

    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null) target.Remove(key);
            else if (value is JsonObject child && target[key] is JsonObject existing) MergePatch(existing, child);
            else target[key] = value.DeepClone();
        }
    }

    private static JsonObject Parse(string json, string what)
    {
        try { return JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{what}: expected a JSON object"); }
        catch (System.Text.Json.JsonException e) { throw new FormatException($"{what}: not valid JSON ({e.Message})", e); }
    }
}
