using StreamEngine.TestFixtures;
using System.Diagnostics;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class EncoderRestartTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(320, 180, 30);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(45);

    private readonly NginxRtmpServer _server = new();

    [Fact]
    public async Task Killed_encoder_process_restarts_while_TryWrite_keeps_returning_and_the_output_streams_again()
    {
        var frames = new SolidFrames(Format);
        await using var encoder = new FFmpegEncoder(new EncoderSettings { HardwareAcceleration = HardwareAcceleration.None },
            RecordingLoggerProvider.CreateFactory(out var logs, output));
        var id = encoder.AddOutput(_server.Url("restart"));
        await encoder.StartAsync(Format, CancellationToken.None);
        await using (var pump = new FramePump(encoder, frames, Format))
        {
            await Eventually.TrueAsync(() => Output(encoder, id).State == OutputState.Live, Generous, "the output to go live");
            var firstPid = encoder.EncoderProcessId!.Value;
            var callsBefore = pump.Calls;
            var refusedBefore = pump.Refused;

            using (var ffmpeg = Process.GetProcessById(firstPid)) ffmpeg.Kill(); // SIGKILL, like kill -9

            await Eventually.TrueAsync(() => encoder.EncoderProcessId is { } pid && pid != firstPid, Generous, "a new encoder process");
            Assert.Equal(1, encoder.EncoderRestarts);
            // The frame clock kept ticking through the outage: calls went on and were refused, none hung.
            Assert.True(pump.Refused > refusedBefore, "frames offered while the encoder was down are refused");
            Assert.True(pump.Calls - callsBefore >= 30, $"the pump kept calling TryWrite ({pump.Calls - callsBefore} calls)");
            Assert.True(pump.LongestCall < TimeSpan.FromSeconds(1), $"TryWrite took {pump.LongestCall}");
            Assert.True(encoder.FramesDropped >= pump.Refused);

            var bytesAfterRestart = Output(encoder, id).BytesSent;
            await Eventually.TrueAsync(() => Output(encoder, id).BytesSent > bytesAfterRestart + 50_000, Generous,
                "the new encoder's stream to reach the output");
            await Eventually.TrueAsync(() => Output(encoder, id).State == OutputState.Live, Generous, "the output to be live");
            Assert.Contains("h264", await Media.ProbeStreamCodecsAsync(_server.Url("restart")));
        }
        await encoder.StopAsync(CancellationToken.None);

        Assert.Contains(logs.Lines, line => line.Contains("Encoder ffmpeg stopped", StringComparison.Ordinal));
        Assert.Equal(0, frames.Outstanding);
    }

    public void Dispose() => _server.Dispose();

    private static OutputStatus Output(FFmpegEncoder encoder, string id) => encoder.Outputs.Single(o => o.Id == id);
}
