using StreamEngine.TestFixtures;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class StalledOutputTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(320, 180, 30);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(45);

    private readonly string _directory = Directory.CreateTempSubdirectory("se-stall-").FullName;

    [Fact]
    public async Task A_hung_server_makes_its_output_drop_chunks_and_restart_while_a_file_output_is_untouched()
    {
        using var hung = new SilentServer();
        var recording = Path.Combine(_directory, "recording.ts");
        var frames = new SolidFrames(Format);
        var settings = new EncoderSettings
        {
            HardwareAcceleration = HardwareAcceleration.None,
            Outputs = new OutputPolicy { StallTimeout = TimeSpan.FromSeconds(12), QueueDuration = TimeSpan.FromSeconds(0.5) },
        };
        await using var encoder = new FFmpegEncoder(settings, RecordingLoggerProvider.CreateFactory(out _, output));
        var states = new StateRecorder(encoder);
        var file = encoder.AddOutput(recording);
        var stuck = encoder.AddOutput($"rtmp://127.0.0.1:{hung.Port}/live/key");
        await encoder.StartAsync(Format, CancellationToken.None);
        await using (new FramePump(encoder, frames, Format, noise: true))
        {
            await Eventually.TrueAsync(() => Output(encoder, stuck).DroppedChunks > 0, Generous, "the stuck output to drop chunks");
            await Eventually.TrueAsync(() => states.Count(stuck, OutputState.Reconnecting) > 0, Generous, "the watchdog to restart it");
            Assert.Contains("no progress", Output(encoder, stuck).LastError);
            Assert.Equal(0, Output(encoder, file).DroppedChunks);
        }
        await encoder.StopAsync(CancellationToken.None);

        Assert.Equal("Connecting Live Stopped", states.Sequence(file));
        var times = await Media.VideoPacketTimesAsync(recording);
        var longestGap = times.Zip(times.Skip(1), (a, b) => b - a).Max();
        Assert.True(longestGap < 0.5, $"the recording has a {longestGap:0.00} s hole");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static OutputStatus Output(FFmpegEncoder encoder, string id) => encoder.Outputs.Single(o => o.Id == id);
}
