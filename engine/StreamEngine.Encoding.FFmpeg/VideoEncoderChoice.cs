namespace StreamEngine.Encoding.FFmpeg;

/// <summary>The ffmpeg video encoder picked at start-up, and why.</summary>
/// <param name="Name">ffmpeg encoder name, e.g. <c>libx264</c> or <c>h264_nvenc</c>.</param>
/// <param name="Acceleration">The hardware it runs on; <see cref="HardwareAcceleration.None"/> for software.</param>
/// <param name="Reason">Why it was chosen, for the start-up log line.</param>
public sealed record VideoEncoderChoice(string Name, HardwareAcceleration Acceleration, string Reason)
{
    /// <summary>The software encoder for <paramref name="codec"/>.</summary>
    public static VideoEncoderChoice Software(VideoCodec codec, string reason) => new(codec switch
    {
        VideoCodec.Vp8 => "libvpx",
        VideoCodec.Vp9 => "libvpx-vp9",
        _ => "libx264",
    }, HardwareAcceleration.None, reason);
}
