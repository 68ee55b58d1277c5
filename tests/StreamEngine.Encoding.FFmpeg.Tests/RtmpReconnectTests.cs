using StreamEngine.TestFixtures;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class RtmpReconnectTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(320, 180, 30);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(45);

    private readonly NginxRtmpServer _server = new();

    [Fact]
    public async Task Rtmp_output_comes_back_live_by_itself_after_the_server_restarts()
    {
        var frames = new SolidFrames(Format);
        await using var encoder = new FFmpegEncoder(new EncoderSettings { HardwareAcceleration = HardwareAcceleration.None },
            RecordingLoggerProvider.CreateFactory(out _, output));
        var states = new StateRecorder(encoder);
        var id = encoder.AddOutput(_server.Url("test"));
        await encoder.StartAsync(Format, CancellationToken.None);
        await using (new FramePump(encoder, frames, Format))
        {
            await Eventually.TrueAsync(() => State(encoder, id) == OutputState.Live, Generous, "the output to go live");
            Assert.Contains("h264", await Media.ProbeStreamCodecsAsync(_server.Url("test")));

            _server.Stop();
            await Eventually.TrueAsync(() => states.Count(id, OutputState.Reconnecting) > 0, Generous, "the output to notice the server went away");
            await Task.Delay(TimeSpan.FromSeconds(4));
            _server.Start();
            await Eventually.TrueAsync(() => states.Count(id, OutputState.Live) == 2, TimeSpan.FromSeconds(90), "the output to be live again");
            Assert.Contains("h264", await Media.ProbeStreamCodecsAsync(_server.Url("test")));
            Assert.True(encoder.Outputs.Single().ReconnectCount >= 1);
        }
        await encoder.StopAsync(CancellationToken.None);

        Assert.Matches("^Connecting Live Reconnecting (Connecting Reconnecting )*Connecting Live Stopped$", states.Sequence(id));
        Assert.Equal(0, frames.Outstanding);
    }

    public void Dispose() => _server.Dispose();

    private static OutputState State(FFmpegEncoder encoder, string id) => encoder.Outputs.Single(o => o.Id == id).State;
}
