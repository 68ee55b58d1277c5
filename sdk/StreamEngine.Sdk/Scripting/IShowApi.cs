using System.Text.Json.Nodes;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Sdk.Scripting;

/// <summary>
/// The show API behaviours get (<see cref="Behaviours.IBehaviourContext.Show"/>), the same one show scripts see as
/// their globals: layers, animations, chat and bid events, timers, <c>Say</c>, calls into other behaviours.
/// Everything runs on the engine's frame thread, between frames: a change made here is in the next frame.
/// The JSON-text overloads throw <see cref="FormatException"/> naming what was not a JSON object.
/// </summary>
public interface IShowApi
{
    /// <summary>A copy of the layer (the scene file's JSON shape), or null when there is none with this id.</summary>
    JsonObject? Layer(string id);

    /// <summary>Copies of every layer, bottom first.</summary>
    IReadOnlyList<JsonObject> Layers();

    /// <summary>Adds a layer, or replaces the one with the same id, so a reloaded script can run its set-up again.</summary>
    void Create(JsonObject layer);

    /// <summary>Adds or replaces a layer given as JSON text.</summary>
    void Create(string layerJson);

    /// <summary>Changes a layer with a JSON merge patch: <c>{"props":{"text":"Sold!"}}</c>; a null value removes a key.</summary>
    void Update(string id, JsonObject patch);

    /// <summary>Changes a layer with a JSON merge patch given as JSON text.</summary>
    void Update(string id, string patchJson);

    /// <summary>Removes a layer.</summary>
    void Remove(string id);

    /// <summary>Starts an animation of one layer (docs/animation.md); the spec's <c>target</c> defaults to <paramref name="layerId"/>.</summary>
    IScriptAnimation Animate(string layerId, JsonObject spec);

    /// <summary>Starts an animation of one layer given as JSON text.</summary>
    IScriptAnimation Animate(string layerId, string specJson);

    /// <summary>Starts a timeline: a <c>sequence</c> or <c>parallel</c> animation whose children name their targets.</summary>
    IScriptAnimation Timeline(JsonObject spec);

    /// <summary>Starts a timeline given as JSON text.</summary>
    IScriptAnimation Timeline(string specJson);

    /// <summary>Raises a show event (<c>sold</c>, <c>bid</c> …) that <c>event:NAME</c> triggers react to.</summary>
    void Emit(string eventName);

    /// <summary>Called for every chat message as it enters the show.</summary>
    void OnChat(Action<ChatMessage> handler);

    /// <summary>Called for every chat message that is a bid (see <see cref="Bid"/> for the rule).</summary>
    void OnBid(Action<Bid> handler);

    /// <summary>Called for every chat message that is a question: its text ends with <c>?</c>, or its highlight is <c>question</c>.</summary>
    void OnQuestion(Action<ChatMessage> handler);

    /// <summary>
    /// Makes the host character say a line: its <c>state</c> becomes <c>talking</c> and its <c>speech</c> shows the text;
    /// after <paramref name="seconds"/> (default: from the text's length) it goes back to <c>idle</c> without speech.
    /// </summary>
    /// <param name="text">What to say.</param>
    /// <param name="seconds">How long; null for a duration that fits the text.</param>
    /// <param name="layer">The character layer's id; null for the first layer of type <c>host</c>.</param>
    void Say(string text, double? seconds = null, string? layer = null);

    /// <summary>
    /// Plays a sound now: a cue of the show's effects channel (<c>gavel</c>, <c>bid-chime</c>, <c>tick</c>), or of the
    /// channel named. When a character has a voice, <see cref="Say"/> speaks its line and the line lasts at least as long as the voice.
    /// </summary>
    /// <param name="cue">The sound's name (or a line, for a voice channel).</param>
    /// <param name="channel">The audio channel; null for the effects channel.</param>
    void PlaySound(string cue, string? channel = null);

    /// <summary>Sets an audio channel's gain (−60 to +12 dB) and/or mutes it.</summary>
    /// <param name="channel">The audio channel, e.g. <c>music</c>.</param>
    /// <param name="gainDb">The new gain, or null to keep it.</param>
    /// <param name="muted">Mute or unmute, or null to keep it.</param>
    void SetAudio(string channel, double? gainDb = null, bool? muted = null);

    /// <summary>
    /// Sends a message to the audience through every running chat source that can send: the <c>x</c> source posts it
    /// as a reply to the broadcast's post (or to <paramref name="replyTo"/>, a chat message id), at most once per text
    /// and target and within X's rate budget. Returns at once; a failure is logged, never thrown into the show.
    /// </summary>
    /// <param name="text">What to send, 1 to 1000 characters.</param>
    /// <param name="replyTo">The id of the chat message it answers, or null.</param>
    void Reply(string text, string? replyTo = null);

    /// <summary>Calls <paramref name="handler"/> once, <paramref name="seconds"/> of show time from now; returns a timer id.</summary>
    int After(double seconds, Action handler);

    /// <summary>Calls <paramref name="handler"/> every <paramref name="seconds"/> of show time; returns a timer id.</summary>
    int Every(double seconds, Action handler);

    /// <summary>Cancels a timer made by <see cref="After"/> or <see cref="Every"/>.</summary>
    void Cancel(int timer);

    /// <summary>Called every frame, before the frame is drawn, with the frame's time.</summary>
    void OnFrame(Action<FrameTime> handler);

    /// <summary>The time of the frame being prepared.</summary>
    FrameTime Now { get; }

    /// <summary>The script's own state: kept when the script is reloaded and saved with the scene, so it survives a restart.</summary>
    JsonObject State { get; }

    /// <summary>Writes to the engine's log, naming the script.</summary>
    IScriptLog Log { get; }

    /// <summary>
    /// Calls into a show behaviour a plugin provides: <c>Call("auction", "open", {"lot": 3})</c>. Returns its result as JSON
    /// (null for none); throws with the behaviour's message when it refuses the call or is not loaded.
    /// </summary>
    /// <param name="behaviour">The behaviour's id.</param>
    /// <param name="method">The method name.</param>
    /// <param name="argument">The argument as JSON, or null.</param>
    JsonNode? Call(string behaviour, string method, JsonNode? argument = null);

    /// <summary>Starts an output (an RTMP/SRT URL or a file); returns its id. Needs the engine's script output permission.</summary>
    string StartOutput(string target);

    /// <summary>Stops an output by id. Needs the engine's script output permission.</summary>
    void StopOutput(string id);

    /// <summary>
    /// The values plugins share in this show (<see cref="IShowValues"/>): a behaviour publishes what others may follow.
    /// An engine without them gives a set that keeps nothing.
    /// </summary>
    IShowValues Values => ShowValues.None;

    /// <summary>
    /// Puts a named scene of the show on air (the scene file's <c>scenes</c>) with a transition — <c>cut</c>,
    /// <c>crossfade</c>, <c>slide</c> or <c>wipe</c> lasting <paramref name="seconds"/> — at a coming frame. Returns false,
    /// changing nothing, when the show has no scene of that name or cannot switch scenes (an offline render).
    /// </summary>
    /// <param name="name">The scene's name.</param>
    /// <param name="transition">The transition's kind.</param>
    /// <param name="seconds">How long the transition lasts, 0 to 60.</param>
    bool SwitchScene(string name, string transition = "cut", double seconds = 0) => false;

    /// <summary>The names of the show's named scenes (a show without <c>scenes</c> has one, <c>Main</c>); empty when the engine gives none.</summary>
    IReadOnlyList<string> Scenes() => [];
}
