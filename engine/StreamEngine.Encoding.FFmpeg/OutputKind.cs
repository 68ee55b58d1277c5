namespace StreamEngine.Encoding.FFmpeg;

/// <summary>Where an output goes.</summary>
public enum OutputKind
{
    /// <summary>An RTMP or RTMPS server (FLV).</summary>
    Rtmp,

    /// <summary>An SRT listener (MPEG-TS).</summary>
    Srt,

    /// <summary>A file; its extension picks the container.</summary>
    File,
}
