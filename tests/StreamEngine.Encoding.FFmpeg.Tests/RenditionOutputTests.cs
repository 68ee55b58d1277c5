using StreamEngine.TestFixtures;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Audio;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

/// <summary>Two RTMP servers, each fed a rendition of its own, and a recording, at once; one server dies and comes back.</summary>
public sealed class RenditionOutputTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(640, 360, 30);
    private static readonly OutputRendition Small = new(320, 180, 400);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(45);

    private readonly NginxRtmpServer _program = new(record: true);
    private readonly NginxRtmpServer _small = new(record: true);
    private readonly string _directory = Directory.CreateTempSubdirectory("se-renditions-").FullName;

    [Fact]
    public async Task Each_server_gets_its_rendition_and_a_server_restart_interrupts_neither_the_other_nor_the_file()
    {
        var recording = Path.Combine(_directory, "recording.mp4");
        var frames = new SolidFrames(Format);
        await using var encoder = new FFmpegEncoder(new EncoderSettings { HardwareAcceleration = HardwareAcceleration.None },
            RecordingLoggerProvider.CreateFactory(out _, output), audio: new BeepEverySecond(new AudioFormat()));
        var states = new StateRecorder(encoder);
        var file = encoder.AddOutput(recording);
        var full = encoder.AddRenditionOutput(_program.Url("full"), new OutputRendition(Format.Width, Format.Height), overwrite: true);
        await encoder.StartAsync(Format, CancellationToken.None);
        string small;
        await using (new FramePump(encoder, frames, Format))
        {
            // Added live: a rendition of its own starts its own encode while the others run.
            small = encoder.AddRenditionOutput(_small.Url("small"), Small, overwrite: true);
            await Eventually.TrueAsync(() => encoder.Outputs.All(o => o.State == OutputState.Live), Generous, "all three outputs live");
            Assert.Equal(Small, encoder.Outputs.Single(o => o.Id == small).Rendition);
            Assert.Null(encoder.Outputs.Single(o => o.Id == full).Rendition); // the show's own size shares the show's encode
            await Task.Delay(TimeSpan.FromSeconds(6));
            // Health, as GET /api/outputs and /metrics show it: each stream delivers its frames in real time (a file's
            // fragments land once a keyframe interval, too coarse for a 5 s window on a loaded machine).
            foreach (var o in encoder.ListOutputs().Where(o => o.Id != file))
            {
                var health = o.Health!;
                output.WriteLine($"{o.Id} {o.Rendition}: {health}");
                Assert.InRange(health.Fps, 5, 40); // 30 on a quiet machine; a loaded one drops frames, and they show here
                Assert.InRange(health.Speed, 0.3, 2); // 1 on a quiet machine; above while a fresh connection catches up on the queued keyframe interval
                Assert.True(health.BitrateKbps > 100, $"{o.Id} delivers {health.BitrateKbps} kbit/s");
                Assert.True(health.UptimeSeconds > 3, $"{o.Id} live for {health.UptimeSeconds} s");
            }

            _program.Stop();
            await Eventually.TrueAsync(() => states.Count(full, OutputState.Reconnecting) > 0, Generous, "the full-size output to lose its server");
            await Task.Delay(TimeSpan.FromSeconds(3));
            _program.Start();
            await Eventually.TrueAsync(() => states.Count(full, OutputState.Live) > 1, Generous, "the full-size output to reconnect");
            await Task.Delay(TimeSpan.FromSeconds(3));
            var after = encoder.ListOutputs().ToDictionary(o => o.Id);
            Assert.Equal(1, after[full].Reconnects);
            Assert.True(after[full].Health!.UptimeSeconds < after[small].Health!.UptimeSeconds - 3,
                $"uptime starts over on reconnecting: {after[full].Health!.UptimeSeconds} s against {after[small].Health!.UptimeSeconds} s");

            // Its last output removed, the rendition's encode stops; the show's encode and the file go on.
            Assert.True(await encoder.RemoveOutputAsync(small));
            Assert.DoesNotContain(encoder.Outputs, o => o.Id == small);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        await encoder.StopAsync(CancellationToken.None);

        Assert.Equal("Connecting Live Stopped", states.Sequence(file));
        Assert.Equal("Connecting Live Stopped", states.Sequence(small));
        Assert.Equal(0, frames.Outstanding);
        var smallRecording = Path.Combine(_small.RecordingsDirectory, "small.flv");
        var fullRecording = Path.Combine(_program.RecordingsDirectory, "full.flv");
        Assert.Equal((640, 360), Size(await Media.ProbeAsync(recording, countFrames: false)));
        Assert.Equal((640, 360), Size(await Media.ProbeAsync(fullRecording, countFrames: false)));
        Assert.Equal((320, 180), Size(await Media.ProbeAsync(smallRecording, countFrames: false)));
        Assert.Contains("aac", await Media.ProbeStreamCodecsAsync(smallRecording));
        // Neither the file nor the other server saw a hole while the full-size server was down.
        foreach (var path in new[] { recording, smallRecording })
        {
            var times = await Media.VideoPacketTimesAsync(path);
            var longestGap = times.Zip(times.Skip(1), (a, b) => b - a).Max();
            Assert.True(longestGap < 0.5, $"{Path.GetFileName(path)} has a {longestGap:0.00} s hole");
            Assert.True(times[^1] - times[0] > 10, $"{Path.GetFileName(path)} covers only {times[^1] - times[0]:0.0} s");
        }
    }

    private static (int, int) Size(Media.VideoInfo info) => (info.Width, info.Height);

    public void Dispose()
    {
        _program.Dispose();
        _small.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
