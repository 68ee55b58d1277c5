using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

public sealed partial class FFmpegEncoder
{
    /// <inheritdoc />
    public IReadOnlyList<EncoderOutput> ListOutputs() =>
        [.. Outputs.Select(o => new EncoderOutput(o.Id, o.Target, o.State, o.ReconnectCount, o.BytesSent, o.LastError) { Rendition = o.Rendition, Health = o.Health, VideoBitrateKbps = o.VideoBitrateKbps })];

    /// <inheritdoc />
    public EncoderStats Stats() => new(QueuedFrames, FramesWritten, FramesDropped, EncoderCpuSeconds, VideoEncoder?.Name);
}
