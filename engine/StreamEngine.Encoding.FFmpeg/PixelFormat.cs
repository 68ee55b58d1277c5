namespace StreamEngine.Encoding.FFmpeg;

/// <summary>The pixels the engine writes to ffmpeg's stdin.</summary>
public enum PixelFormat
{
    /// <summary>
    /// YUV 4:2:0 converted by the engine (<see cref="I420Converter"/>, SIMD) on the encoder's writer thread: ffmpeg
    /// skips its own conversion and the pipe carries 1.5 bytes per pixel instead of 4. Frames of odd width or
    /// height fall back to BGRA.
    /// </summary>
    Yuv420p,

    /// <summary>The renderer's BGRA frames as they are; ffmpeg converts them.</summary>
    Bgra,
}
