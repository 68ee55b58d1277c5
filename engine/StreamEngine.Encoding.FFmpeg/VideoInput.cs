namespace StreamEngine.Encoding.FFmpeg;

/// <summary>Where the encode reads raw BGRA frames from.</summary>
/// <param name="Url">ffmpeg input: <c>pipe:0</c> or a file path.</param>
/// <param name="LoopAtNativeRate">Read the file again and again at the frame rate (<c>-re -stream_loop -1</c>), for benchmarks.</param>
public sealed record VideoInput(string Url, bool LoopAtNativeRate)
{
    /// <summary>Frames written to ffmpeg's stdin by the engine.</summary>
    public static VideoInput Pipe { get; } = new("pipe:0", false);

    /// <summary>Frames read from a file of raw BGRA frames, looped at native rate.</summary>
    public static VideoInput LoopedFile(string path) => new("file:" + Path.GetFullPath(path), true);
}
