namespace StreamEngine.Encoding.FFmpeg;

/// <summary>How the video bitrate is held.</summary>
public enum RateControl
{
    /// <summary>Constant bitrate for a live show with an RTMP or SRT output (what ingests expect), capped VBR otherwise.</summary>
    Auto,

    /// <summary>
    /// Constant bitrate with filler (x264 <c>nal-hrd=cbr</c>, minrate = maxrate = bufsize = bitrate): a calm scene still
    /// sends the set bitrate, which Twitch, X and YouTube read as a healthy connection.
    /// </summary>
    Cbr,

    /// <summary>Variable bitrate capped at the set bitrate (a buffer of two seconds' worth): smaller files for recordings.</summary>
    Vbr,
}
