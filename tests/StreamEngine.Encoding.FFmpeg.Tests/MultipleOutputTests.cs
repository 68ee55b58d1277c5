using StreamEngine.TestFixtures;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class MultipleOutputTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(320, 180, 30);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(45);

    private readonly NginxRtmpServer _server = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("se-outputs-").FullName;

    [Fact]
    public async Task Server_going_down_and_outputs_coming_and_going_do_not_interrupt_a_file_output()
    {
        var recording = Path.Combine(_directory, "recording.mp4");
        var clip = Path.Combine(_directory, "clip.mkv");
        var frames = new SolidFrames(Format);
        await using var encoder = new FFmpegEncoder(new EncoderSettings { HardwareAcceleration = HardwareAcceleration.None },
            RecordingLoggerProvider.CreateFactory(out _, output));
        var states = new StateRecorder(encoder);
        var file = encoder.AddOutput(recording);
        var rtmp = encoder.AddOutput(_server.Url("both"));
        string added;
        await encoder.StartAsync(Format, CancellationToken.None);
        await using (new FramePump(encoder, frames, Format))
        {
            await Eventually.TrueAsync(() => encoder.Outputs.All(o => o.State == OutputState.Live), Generous, "both outputs live");

            _server.Stop();
            await Eventually.TrueAsync(() => states.Count(rtmp, OutputState.Reconnecting) > 0, Generous, "the RTMP output to lose its server");

            added = encoder.AddOutput(clip);
            await Eventually.TrueAsync(() => states.Count(added, OutputState.Live) > 0, Generous, "the output added while running to go live");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.True(await encoder.RemoveOutputAsync(added));
            Assert.DoesNotContain(encoder.Outputs, o => o.Id == added);
        }
        await encoder.StopAsync(CancellationToken.None);

        Assert.Equal("Connecting Live Stopped", states.Sequence(file));
        Assert.Equal("Connecting Live Stopped", states.Sequence(added));
        Assert.Equal(0, frames.Outstanding);

        // The recording runs from its first keyframe to the end without a hole while the server was down.
        var times = await Media.VideoPacketTimesAsync(recording);
        var longestGap = times.Zip(times.Skip(1), (a, b) => b - a).Max();
        Assert.True(longestGap < 0.5, $"the recording has a {longestGap:0.00} s hole");
        var firstLive = states.Changes.First(c => c.OutputId == file && c.State == OutputState.Live).At;
        var stopped = states.Changes.Last(c => c.OutputId == file).At;
        var span = (stopped - firstLive).TotalSeconds;
        Assert.True(times[^1] - times[0] > span - 4, $"recording covers {times[^1] - times[0]:0.0} s of a {span:0.0} s run");
        Assert.Equal("h264", (await Media.ProbeVideoAsync(clip))[0]);
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
