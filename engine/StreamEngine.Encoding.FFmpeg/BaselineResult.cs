namespace StreamEngine.Encoding.FFmpeg;

/// <summary>What a <see cref="BaselineEncoderRun"/> measured.</summary>
/// <param name="CpuPercentOfOneCore">ffmpeg's CPU use, user plus system, in % of one core (200 = two cores busy).</param>
/// <param name="Measured">How long it was measured, after the warm-up.</param>
/// <param name="VideoEncoder">The ffmpeg video encoder used.</param>
/// <param name="Arguments">The full ffmpeg command line.</param>
public sealed record BaselineResult(double CpuPercentOfOneCore, TimeSpan Measured, string VideoEncoder, IReadOnlyList<string> Arguments);
