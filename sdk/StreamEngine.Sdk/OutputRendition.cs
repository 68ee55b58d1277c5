namespace StreamEngine.Sdk;

/// <summary>
/// The picture an output asks for when it differs from the show's own (say 1080p to YouTube and 720p to X). Outputs
/// asking for the same rendition share one encode; the show's own size, bitrate and codec need none.
/// </summary>
/// <param name="Width">Frame width in pixels (even).</param>
/// <param name="Height">Frame height in pixels (even).</param>
/// <param name="VideoBitrateKbps">Video bitrate; null picks one from the height as the show's encode does.</param>
/// <param name="VideoCodec"><c>h264</c>, <c>vp8</c> or <c>vp9</c>; null keeps the show's codec.</param>
/// <param name="FpsDivisor">1 keeps the show's frame rate; 2 sends every second frame (60 → 30 fps), and so on.</param>
public sealed record OutputRendition(int Width, int Height, int? VideoBitrateKbps = null, string? VideoCodec = null, int FpsDivisor = 1)
{
    /// <summary>
    /// True: a live ingest (RTMP, RTMPS, SRT) whose link cannot keep up gets a lower bitrate, and the full one back when
    /// the link recovers. Such a rendition is never shared with another output; a file never adapts.
    /// </summary>
    public bool Adaptive { get; init; }

    /// <summary>The lowest bitrate an adaptive rendition steps down to, in kbit/s; null: 35 % of its bitrate (at least 100).</summary>
    public int? MinVideoBitrateKbps { get; init; }

    /// <summary>How the rendition reads in logs and answers, e.g. <c>1280x720 2500k h264 /2</c>.</summary>
    public override string ToString() =>
        $"{Width}x{Height}{(VideoBitrateKbps is { } k ? $" {k}k" : "")}{(VideoCodec is { } c ? " " + c : "")}{(FpsDivisor > 1 ? $" fps/{FpsDivisor}" : "")}{(Adaptive ? " adaptive" : "")}";
}

/// <summary>How one output is doing, measured from what it delivers while it runs.</summary>
/// <param name="BitrateKbps">Bits per second delivered over the last few seconds, in kbit/s.</param>
/// <param name="Fps">Frames per second delivered over the last few seconds.</param>
/// <param name="Speed">Delivery speed relative to real time (1 keeps up; below 1 the link or the encoder falls behind).</param>
/// <param name="DroppedFrames">Frames its encode dropped (the encoder was behind or restarting), counted since the encode started.</param>
/// <param name="UptimeSeconds">Seconds since it last went live; 0 while it is not live.</param>
public sealed record OutputHealth(double BitrateKbps, double Fps, double Speed, long DroppedFrames, double UptimeSeconds);
