namespace StreamEngine.Application;

/// <summary>Named scenes, and the recording and streaming switches that control surfaces (obs-websocket clients) press.</summary>
public partial interface IShowControl
{
    /// <summary>The named scenes, each with its layer ids bottom first, and the one on air.</summary>
    Task<SceneListInfo> ScenesAsync() => throw NoScenes();

    /// <summary>Creates a scene; fails with <see cref="RequestFailure.Conflict"/> when one has that name.</summary>
    Task CreateSceneAsync(string name, SceneLayers layers) => throw NoScenes();

    /// <summary>Replaces a scene's layer list (on air: the screen changes at once, layers in both stay untouched).</summary>
    Task SaveSceneAsync(string name, SceneLayers layers) => throw NoScenes();

    /// <summary>Removes a scene; the on-air scene cannot be removed (<see cref="RequestFailure.Conflict"/>).</summary>
    Task RemoveSceneAsync(string name) => throw NoScenes();

    /// <summary>
    /// Puts a named scene on air with a transition (<c>cut</c>, <c>crossfade</c>, <c>slide</c>, <c>wipe</c>); layers the
    /// scenes share stay on screen untouched. Raises <c>CurrentProgramSceneChanged</c>.
    /// </summary>
    Task SwitchToSceneAsync(string name, string transition, double seconds, string easing) => throw NoScenes();

    /// <summary>A JPEG of a named scene as it would look on air now, drawn away from the frame thread (for the dashboard's next-scene preview).</summary>
    Task<byte[]> ScenePreviewAsync(string name) => throw NoScenes();

    /// <summary>The recording started by <see cref="StartRecordAsync"/>, if one runs.</summary>
    RecordingInfo RecordStatus() => new(false, null, 0, 0);

    /// <summary>Starts recording the program to a new file in the recordings folder; returns its path.</summary>
    Task<string> StartRecordAsync() => throw NoRecording();

    /// <summary>Stops the recording and finishes its file (playable); returns its path.</summary>
    Task<string> StopRecordAsync() => throw NoRecording();

    /// <summary>Whether the stream outputs (RTMP, RTMPS, SRT) run.</summary>
    StreamInfo StreamStatus() => new(false, false, 0, 0);

    /// <summary>Starts the stream outputs stopped by <see cref="StopStreamAsync"/> (or configured and not running).</summary>
    Task StartStreamAsync() => throw NoRecording();

    /// <summary>Stops every stream output, remembering them for <see cref="StartStreamAsync"/>; files keep recording.</summary>
    Task StopStreamAsync() => throw NoRecording();

    private static ShowRequestException NoScenes() => new(RequestFailure.Unavailable, "this show has no named scenes");

    private static ShowRequestException NoRecording() => new(RequestFailure.Unavailable, "this show cannot start or stop outputs");
}

public sealed record SceneListInfo(string OnAir, IReadOnlyList<SceneInfo> Scenes);

/// <param name="Layers">Layer ids, bottom first.</param>
public sealed record SceneInfo(string Name, IReadOnlyList<string> Layers, bool OnAir);

/// <param name="Active">A recording runs.</param>
/// <param name="Path">Its file (or the last one's, once stopped).</param>
public sealed record RecordingInfo(bool Active, string? Path, double Seconds, long Bytes);

/// <param name="Active">At least one stream output is live or connecting.</param>
/// <param name="Reconnecting">One of them is reconnecting.</param>
public sealed record StreamInfo(bool Active, bool Reconnecting, double Seconds, long Bytes);
