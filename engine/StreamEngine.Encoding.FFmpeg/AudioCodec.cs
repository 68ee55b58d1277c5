namespace StreamEngine.Encoding.FFmpeg;

/// <summary>Audio codec of the encode.</summary>
public enum AudioCodec
{
    /// <summary>AAC-LC; required by RTMP and FLV.</summary>
    Aac,

    /// <summary>Opus; required by WebM.</summary>
    Opus,
}
