using StreamEngine.Application;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Server.Rest;

// The JSON shapes the REST handlers read and answer, named for the OpenAPI description (/openapi/v1.json) so a generated
// client gets real types. The handlers parse the JSON themselves (LayerJson, AnimationJson, ChatInput) and check it there.

[Description("Layers to draw in this order, bottom first; layers not named keep their place.")]
internal sealed record ReorderBody([property: Required] IReadOnlyList<string> Order);

[Description("A new scene: every layer replaced at once, with a transition from what is on screen.")]
internal sealed record SceneBody([property: Required] IReadOnlyList<LayerState> Layers, SceneTransition? Transition = null);

[Description("cut, crossfade, slide or wipe, over duration seconds (default 0.5) with an easing (default easeInOutSine).")]
internal sealed record SceneTransition(string? Kind = null, double? Duration = null, string? Easing = null);

[Description("For seek: seconds or label; for speed: speed.")]
internal sealed record AnimationControlBody(double? Seconds = null, string? Label = null, double? Speed = null);

[Description("A chat message as if a viewer had sent it; bids, questions and moderators are recognised unless highlight says otherwise.")]
internal sealed record ChatBody(
    [property: Required, StringLength(64, MinimumLength = 1)] string Author,
    [property: Required, StringLength(500, MinimumLength = 1)] string Text,
    [property: MaxLength(5)] IReadOnlyList<string>? Badges = null,
    [property: StringLength(16)] string? Color = null,
    [property: Description("bid, question, mention or moderator")] string? Highlight = null);

[Description("Where to stream: an rtmp://, rtmps:// or srt:// URL, or a file (.mp4, .mkv, .flv, .ts).")]
internal sealed record OutputBody(
    [property: Required] string Target,
    [property: Description("true replaces a file that exists (otherwise 409)")] bool? Overwrite = null,
    [property: Description("its own size (even, at most the show's), videoBitrateKbps (100-100000), videoCodec (h264, vp8, vp9) and fpsDivisor (1-8, dividing the show's fps); outputs with the same rendition share one encode; adaptive (a live ingest follows its link) and minVideoBitrateKbps")] RenditionBody? Rendition = null);

[Description("An output's own rendition.")]
internal sealed record RenditionBody(
    [property: Required, Range(16, 7680)] int Width,
    [property: Required, Range(16, 4320)] int Height,
    [property: Range(100, 100_000)] int? VideoBitrateKbps = null,
    [property: Description("h264, vp8 or vp9")] string? VideoCodec = null,
    [property: Range(1, 8)] int? FpsDivisor = null,
    [property: Description("true: an rtmp://, rtmps:// or srt:// output steps its bitrate down (100, 60, 35 %) while its link cannot keep up and back up when it recovers; never for a file")] bool? Adaptive = null,
    [property: Range(100, 100_000), Description("the lowest bitrate an adaptive rendition steps down to (default 35 % of its bitrate)")] int? MinVideoBitrateKbps = null);

[Description("The id of what was created.")]
internal sealed record CreatedId([property: Required] string Id);

[Description("A change applied but not yet saved (the state store is unavailable): result is what a saved change answers.")]
internal sealed record UnsavedChange(
    [property: Required, Description("applied, not yet saved")] string Status,
    [property: Required] bool Saved,
    [property: Required, Description("why it is not saved")] string Detail,
    System.Text.Json.Nodes.JsonNode? Result = null);

/// <summary>A new named scene: its name and its layers (ids of existing layers, or whole layers), bottom first.</summary>
internal sealed record SceneCreateBody([property: Required] string Name, [property: Required] IReadOnlyList<JsonNode> Layers);

/// <summary>A named scene's layers: ids of existing layers, or whole layers, bottom first.</summary>
internal sealed record SceneSaveBody([property: Required] IReadOnlyList<JsonNode> Layers);

/// <summary>How to put a named scene on air.</summary>
internal sealed record SceneSwitchBody(SceneTransition? Transition = null);

/// <summary>A chat source to start or replace: its type and the type's settings.</summary>
internal sealed record ChatSourceBody([property: Required] string Type, JsonObject? Settings = null);

/// <summary>The encoder to use.</summary>
internal sealed record EncoderBody([property: Required] string Id);

/// <summary>A channel's new level and/or mute; at least one of them.</summary>
internal sealed record AudioChannelBody(
    [property: Range(-60, 12), Description("gain in dB, -60 to 12")] double? GainDb = null,
    bool? Muted = null);

/// <summary>A sound to play now.</summary>
internal sealed record PlaySoundBody(
    [property: Required, StringLength(200, MinimumLength = 1), Description("gavel, bid-chime, tick, or a sound the scene names")] string Cue,
    [property: Description("the channel; default: the effects channel")] string? Channel = null);
