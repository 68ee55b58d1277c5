namespace StreamEngine.Encoding.FFmpeg;

/// <summary>Video codec of the encode.</summary>
public enum VideoCodec
{
    /// <summary>H.264: the only codec RTMP (FLV) carries; goes through the MPEG-TS fan-out.</summary>
    H264,

    /// <summary>VP8: WebM/Matroska files only, written by the encoder process itself.</summary>
    Vp8,

    /// <summary>VP9: WebM/Matroska files only, written by the encoder process itself.</summary>
    Vp9,
}
