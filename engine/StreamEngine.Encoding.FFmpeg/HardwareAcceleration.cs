namespace StreamEngine.Encoding.FFmpeg;

/// <summary>Which hardware video encoder to try before falling back to software (libx264, libvpx).</summary>
public enum HardwareAcceleration
{
    /// <summary>Try every hardware encoder ffmpeg lists, in this enum's order, and take the first that passes a trial encode.</summary>
    Auto,

    /// <summary>Software encoding only.</summary>
    None,

    /// <summary>NVIDIA NVENC.</summary>
    Nvenc,

    /// <summary>Intel Quick Sync Video.</summary>
    Qsv,

    /// <summary>VA-API (Intel, AMD on Linux).</summary>
    Vaapi,

    /// <summary>Apple VideoToolbox.</summary>
    VideoToolbox,

    /// <summary>AMD AMF.</summary>
    Amf,
}
