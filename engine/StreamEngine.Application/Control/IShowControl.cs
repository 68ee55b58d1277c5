using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>
/// Everything a control client can do to a running show. The REST API and the WebSocket protocol both call it,
/// so they behave the same. Mutations are queued to the frame thread and complete once applied; a request the show
/// cannot carry out throws <see cref="ShowRequestException"/> naming the field and what was expected.
/// </summary>
public partial interface IShowControl
{
    ShowInfo Info { get; }

    /// <summary>Copies of the layers, bottom first, read between frames.</summary>
    Task<IReadOnlyList<LayerState>> LayersAsync();

    /// <summary>A copy of one layer read between frames, or null.</summary>
    Task<LayerState?> LayerAsync(string id);

    Task<LayerState> AddLayerAsync(LayerState layer);

    /// <summary>JSON merge patch (RFC 7386): <c>{"transform":{"x":10},"props":{"text":"Sold!"}}</c>.</summary>
    Task<LayerState> PatchLayerAsync(string id, JsonObject patch);

    Task RemoveLayerAsync(string id);

    /// <summary>
    /// Replaces every layer at once with a transition from what is on screen: <c>cut</c>, <c>crossfade</c>, <c>slide</c>
    /// or <c>wipe</c>, over <paramref name="seconds"/> with <paramref name="easing"/>.
    /// </summary>
    Task SwitchSceneAsync(IReadOnlyList<LayerState> layers, string transition, double seconds, string easing);

    /// <summary>Sets z-indexes so the layers are drawn in this order, bottom first; layers not named keep theirs.</summary>
    Task ReorderAsync(IReadOnlyList<string> bottomToTop);

    /// <summary>Starts an animation or timeline (JSON as in docs/animation.md); returns its id.</summary>
    Task<string> StartAnimationAsync(JsonObject animation);

    Task ControlAnimationAsync(string id, AnimationControl control);

    Task<IReadOnlyList<JsonObject>> AnimationsAsync();

    /// <summary>Raises a show event (<c>bid</c>, <c>sold</c> …) for triggers.</summary>
    Task RaiseEventAsync(string name);

    /// <summary>
    /// Injects a chat message as if a viewer had sent it (for testing a show, or a bridge from another chat):
    /// it reaches event subscribers and raises the <c>chat</c> show event for triggers.
    /// </summary>
    Task InjectChatAsync(ChatInput message);

    IReadOnlyList<OutputInfo> Outputs();

    /// <summary>
    /// Adds an output; a file replaces an existing one only with <paramref name="overwrite"/>. With a
    /// <paramref name="rendition"/> (checked by <see cref="OutputRenditions"/>) it gets its own size, bitrate, codec or
    /// frame rate, encoded once for every output that asks for the same.
    /// </summary>
    Task<string> AddOutputAsync(string target, bool overwrite = false, OutputRendition? rendition = null);

    Task RemoveOutputAsync(string id);

    /// <summary>The full path of a file an HLS output wrote (see <see cref="RecordingsFolder.HlsFile"/>); NotFound for anything else.</summary>
    string HlsFile(string path);

    StatsInfo Stats();

    IReadOnlyList<PluginInfo> Plugins();

    /// <summary>
    /// Loads the plugin's folder again (as saving a file into it does) and swaps the new version in at a frame boundary;
    /// returns the plugin as it is now. A version that fails to load leaves the running one and fails the request with its error.
    /// </summary>
    Task<PluginInfo> ReloadPluginAsync(string id);

    /// <summary>The layer types the loaded plugins provide, with the JSON Schema of their props when they describe them.</summary>
    IReadOnlyList<LayerTypeInfo> LayerTypes() => [];

    /// <summary>The show's scripts: name, language, running/disabled/failed, last error.</summary>
    IReadOnlyList<ScriptInfo> Scripts() => [];

    /// <summary>Compiles a script's file again and swaps it in at the next frame if it compiles (its state is kept).</summary>
    Task<ScriptInfo> ReloadScriptAsync(string name) =>
        throw new ShowRequestException(RequestFailure.NotFound, $"script '{name}' is not loaded", "name");

    /// <summary>Every change, as it happens (frame stats once a second). Handlers run on engine threads: be quick.</summary>
    event Action<ShowEvent>? Events;
}

/// <summary>What to do to a running animation.</summary>
/// <param name="Action">pause, resume, stop, seek, reverse, speed</param>
/// <param name="Seconds">For seek: the local time.</param>
/// <param name="Label">For seek: a label instead of a time.</param>
/// <param name="Speed">For speed.</param>
public sealed record AnimationControl(string Action, double? Seconds = null, string? Label = null, double? Speed = null);

public sealed record ShowInfo(int Width, int Height, int Fps, long Frame, double ShowTime, int Layers, int MaxLayers);

/// <param name="Rendition">Its own rendition; null when it takes the show's encode.</param>
/// <param name="Health">Bitrate, fps, speed, dropped frames and uptime, measured while it runs.</param>
/// <param name="VideoBitrateKbps">The video bitrate its encode uses now (an adaptive output's current step).</param>
public sealed record OutputInfo(string Id, string Target, string State, int Reconnects, long BytesSent, string? LastError,
    OutputRendition? Rendition = null, OutputHealth? Health = null, int? VideoBitrateKbps = null);

/// <param name="DroppedEncoderBehind">Frames not taken because the encoder was behind.</param>
/// <param name="DroppedLate">Frame slots skipped because the frame thread was late.</param>
/// <param name="EncoderQueue">Frames waiting for the encoder now.</param>
/// <param name="ChatMessages">Chat messages that have entered the show.</param>
/// <param name="ResourceCacheBytes">Decoded images, animations and fonts held by the resource cache.</param>
/// <param name="PluginReloads">New plugin versions swapped in.</param>
/// <param name="PluginsUnloaded">Old plugin versions whose load context was collected after a reload.</param>
/// <param name="PluginsStillLoaded">Old plugin versions something still held 5 s after a reload (a leak to look into).</param>
/// <param name="EncoderGaps">Frames that reached the encoder more than 1.5 frame periods after the one before (stutters a viewer sees, also those shorter than a dropped frame).</param>
/// <param name="LongestEncoderGapMs">The longest time between two frames reaching the encoder, in milliseconds.</param>
public sealed record StatsInfo(long Frames, long Dropped, double RenderMsP50, double RenderMsP99, double JitterMsP99, int Animations,
    long DroppedEncoderBehind = 0, long DroppedLate = 0, int EncoderQueue = 0, long ChatMessages = 0, long ResourceCacheBytes = 0,
    long PluginReloads = 0, long PluginsUnloaded = 0, long PluginsStillLoaded = 0, long EncoderGaps = 0, double LongestEncoderGapMs = 0)
{
    /// <summary>Frames not delivered because composing them failed (counted in <see cref="Dropped"/> too).</summary>
    public long DroppedFailed { get; init; }
}

/// <param name="State">loading, running, disabled (after errors; saving the file loads it again) or failed (never loaded).</param>
/// <param name="LastError">The last error as FILE:LINE:COLUMN: MESSAGE, or null.</param>
public sealed record ScriptInfo(string Name, string Language, string State, string? LastError, long Errors, string Path);

/// <param name="Name">The type name used in scene files.</param>
/// <param name="Plugin">The id of the plugin that provides it.</param>
/// <param name="Schema">The JSON Schema of its props (<c>ILayerType.PropsSchema</c>), or null.</param>
public sealed record LayerTypeInfo(string Name, string Plugin, JsonNode? Schema);

public sealed record PluginInfo(string Id, string Version, string SdkVersion, string State, IReadOnlyList<string> LayerTypes, string? Error);

/// <summary>Something that happened in the show.</summary>
/// <param name="Category">For subscriptions: layers, outputs, animations, stats, chat, errors, preview.</param>
/// <param name="Type">Event type, for example <c>LayerChanged</c>, <c>OutputStateChanged</c>.</param>
/// <param name="Data">Event data.</param>
public sealed record ShowEvent(EventCategory Category, string Type, JsonObject Data);

[Flags]
public enum EventCategory
{
    None = 0,
    Layers = 1,
    Outputs = 2,
    Animations = 4,
    Stats = 8,
    Chat = 16,
    Errors = 32,
    Behaviours = 64,
    All = Layers | Outputs | Animations | Stats | Chat | Errors | Behaviours,

    /// <summary>Preview JPEG frames: not part of <see cref="All"/>, only sent to clients that ask for them.</summary>
    Preview = 128,
}

/// <summary>A request the show cannot carry out: the status says why, the field names the input.</summary>
public sealed class ShowRequestException(RequestFailure failure, string message, string? field = null) : Exception(message)
{
    public RequestFailure Failure { get; } = failure;

    public string? Field { get; } = field;
}

public enum RequestFailure { Invalid, NotFound, Conflict, Unavailable, Failed }
