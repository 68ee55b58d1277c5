using System.Text.Json.Nodes;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

/// <summary>
/// The API a show script sees. In a C# script (<c>.csx</c>) its members are globals: <c>Update("bid", …)</c>,
/// <c>OnBid(bid => …)</c>. JavaScript scripts see the same API in camelCase (<c>scripts/stream-engine.d.ts</c>).
/// Everything runs on the engine's frame thread, between frames: a change made here is in the next frame.
/// Behaviours get the same API through the SDK's <see cref="IShowApi"/>, which this implements; it lives in the
/// engine because Roslyn needs a class for a script's globals.
/// </summary>
public abstract class ScriptGlobals : IShowApi
{
    /// <summary>A copy of the layer (the scene file's JSON shape), or null when there is none with this id.</summary>
    public abstract JsonObject? Layer(string id);

    /// <summary>Copies of every layer, bottom first.</summary>
    public abstract IReadOnlyList<JsonObject> Layers();

    /// <summary>Adds a layer, or replaces the one with the same id, so a reloaded script can run its set-up again.</summary>
    public abstract void Create(JsonObject layer);

    /// <summary>Adds or replaces a layer given as JSON text.</summary>
    public void Create(string layerJson) => Create(ParseObject(layerJson, "layer"));

    /// <summary>Changes a layer with a JSON merge patch: <c>{"props":{"text":"Sold!"}}</c>; a null value removes a key.</summary>
    public abstract void Update(string id, JsonObject patch);

    /// <summary>Changes a layer with a JSON merge patch given as JSON text.</summary>
    public void Update(string id, string patchJson) => Update(id, ParseObject(patchJson, "patch"));

    /// <summary>Removes a layer.</summary>
    public abstract void Remove(string id);

    /// <summary>Starts an animation of one layer (docs/animation.md); the spec's <c>target</c> defaults to <paramref name="layerId"/>.</summary>
    public abstract IScriptAnimation Animate(string layerId, JsonObject spec);

    /// <summary>Starts an animation of one layer given as JSON text.</summary>
    public IScriptAnimation Animate(string layerId, string specJson) => Animate(layerId, ParseObject(specJson, "animation"));

    /// <summary>Starts a timeline: a <c>sequence</c> or <c>parallel</c> animation whose children name their targets.</summary>
    public abstract IScriptAnimation Timeline(JsonObject spec);

    /// <summary>Starts a timeline given as JSON text.</summary>
    public IScriptAnimation Timeline(string specJson) => Timeline(ParseObject(specJson, "timeline"));

    /// <summary>Raises a show event (<c>sold</c>, <c>bid</c> …) that <c>event:NAME</c> triggers react to.</summary>
    public abstract void Emit(string eventName);

    /// <summary>Called for every chat message as it enters the show.</summary>
    public abstract void OnChat(Action<ChatMessage> handler);

    /// <summary>Called for every chat message that is a bid (see <see cref="Bid"/> for the rule).</summary>
    public abstract void OnBid(Action<Bid> handler);

    /// <summary>Called for every chat message that is a question: its text ends with <c>?</c>, or its highlight is <c>question</c>.</summary>
    public abstract void OnQuestion(Action<ChatMessage> handler);

    /// <summary>
    /// Makes the host character say a line: its <c>state</c> becomes <c>talking</c> and its <c>speech</c> shows the text;
    /// after <paramref name="seconds"/> (default: from the text's length) it goes back to <c>idle</c> without speech.
    /// </summary>
    /// <param name="text">What to say.</param>
    /// <param name="seconds">How long; null for a duration that fits the text.</param>
    /// <param name="layer">The character layer's id; null for the first layer of type <c>host</c>.</param>
    public abstract void Say(string text, double? seconds = null, string? layer = null);

    /// <inheritdoc />
    public abstract void PlaySound(string cue, string? channel = null);

    /// <inheritdoc />
    public abstract void SetAudio(string channel, double? gainDb = null, bool? muted = null);

    /// <summary>The sound, as C# scripts write it: <c>Audio.Play("gavel")</c>, <c>Audio.Gain("music", -6)</c>.</summary>
    public ScriptAudio Audio => new(this);

    /// <inheritdoc/>
    public abstract void Reply(string text, string? replyTo = null);

    /// <summary>Calls <paramref name="handler"/> once, <paramref name="seconds"/> of show time from now; returns a timer id.</summary>
    public abstract int After(double seconds, Action handler);

    /// <summary>Calls <paramref name="handler"/> every <paramref name="seconds"/> of show time; returns a timer id.</summary>
    public abstract int Every(double seconds, Action handler);

    /// <summary>Cancels a timer made by <see cref="After"/> or <see cref="Every"/>.</summary>
    public abstract void Cancel(int timer);

    /// <summary>Called every frame, before the frame is drawn, with the frame's time.</summary>
    public abstract void OnFrame(Action<FrameTime> handler);

    /// <summary>The time of the frame being prepared.</summary>
    public abstract FrameTime Now { get; }

    /// <summary>The script's own state: kept when the script is reloaded and saved with the scene, so it survives a restart.</summary>
    public abstract JsonObject State { get; }

    /// <summary>Writes to the engine's log, naming the script.</summary>
    public abstract IScriptLog Log { get; }

    /// <summary>
    /// Calls into a show behaviour a plugin provides: <c>Call("auction", "open", {"lot": 3})</c>. Returns its result as JSON
    /// (null for none); throws with the behaviour's message when it refuses the call or is not loaded.
    /// </summary>
    /// <param name="behaviour">The behaviour's id.</param>
    /// <param name="method">The method name.</param>
    /// <param name="argument">The argument as JSON, or null.</param>
    public abstract JsonNode? Call(string behaviour, string method, JsonNode? argument = null);

    /// <summary>Starts an output (an RTMP/SRT URL or a file); returns its id. Needs the engine's script output permission.</summary>
    public abstract string StartOutput(string target);

    /// <summary>Stops an output by id. Needs the engine's script output permission.</summary>
    public abstract void StopOutput(string id);

    /// <summary>The values plugins share in this show (the auctioneer's live lot as <c>auction.lot</c> …).</summary>
    public abstract IShowValues Values { get; }

    /// <summary>Puts a named scene on air with a transition (cut, crossfade, slide, wipe); false when there is no such scene.</summary>
    public abstract bool SwitchScene(string name, string transition = "cut", double seconds = 0);

    /// <summary>The names of the show's named scenes.</summary>
    public abstract IReadOnlyList<string> Scenes();

    private static JsonObject ParseObject(string json, string what)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{what}: expected a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"{what}: not valid JSON ({e.Message})", e);
        }
    }
}
