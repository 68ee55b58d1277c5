using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

/// <summary>
/// An adaptive RTMP output behind a link that cannot keep up (a throttling relay in front of nginx-rtmp): it steps
/// down without reconnecting, the ingest keeps receiving a playable stream, and it steps back up once the link recovers.
/// </summary>
public sealed class AdaptiveBitrateTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(320, 180, 30);
    private static readonly OutputRendition Adaptive = new(320, 180, 1000) { Adaptive = true };
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(40);

    private readonly NginxRtmpServer _server = new(record: true);
    private ThrottledRelay? _relayInstance;

    private ThrottledRelay _relay => _relayInstance ??= new ThrottledRelay(_server.Port);

    [Fact]
    public async Task Output_steps_down_when_its_link_cannot_keep_up_stays_live_and_steps_back_up_when_it_recovers()
    {
        var frames = new SolidFrames(Format);
        var settings = new EncoderSettings
        {
            HardwareAcceleration = HardwareAcceleration.None,
            Outputs = new OutputPolicy { AdaptDownAfter = TimeSpan.FromSeconds(2), AdaptUpAfter = TimeSpan.FromSeconds(4) },
        };
        await using var encoder = new FFmpegEncoder(settings, RecordingLoggerProvider.CreateFactory(out var logs, output));
        var states = new StateRecorder(encoder);
        var id = encoder.AddRenditionOutput(_relay.Url("live", "abr"), Adaptive, overwrite: true);
        await encoder.StartAsync(Format, CancellationToken.None);
        await using (new FramePump(encoder, frames, Format))
        {
            await Eventually.TrueAsync(() => Output(encoder, id).State == OutputState.Live, Generous, "the output to go live");
            Assert.Equal(1000, Output(encoder, id).VideoBitrateKbps);

            _relay.BitsPerSecond = 700_000; // the top step (1000 kbit/s and its filler) does not fit, 600 does
            var throttled = System.Diagnostics.Stopwatch.StartNew(); // reported for the docs, never asserted
            await Eventually.TrueAsync(() => Steps(states, id).Any(s => s.ToKbps < s.FromKbps), Generous, "a step down");
            output.WriteLine($"stepped down {throttled.Elapsed.TotalSeconds:0.0} s after the throttle");
            var down = Steps(states, id).First();
            output.WriteLine($"stepped down: {down}");
            Assert.Equal((1000, 600), (down.FromKbps, down.ToKbps));
            Assert.Contains(logs.Lines, l => l.Contains("the link is not keeping up", StringComparison.Ordinal) && l.Contains("stepping down to 600 kbit/s", StringComparison.Ordinal));
            Assert.True(Output(encoder, id).VideoBitrateKbps < 1000);

            // The ingest keeps receiving at the lower bitrate, over the same connection.
            var relayed = _relay.BytesRelayed;
            await Eventually.TrueAsync(() => _relay.BytesRelayed > relayed + 100_000, Generous, "the ingest to keep receiving after the step");

            _relay.BitsPerSecond = 0;
            var freed = System.Diagnostics.Stopwatch.StartNew();
            await Eventually.TrueAsync(() => Output(encoder, id).VideoBitrateKbps == 1000 && Steps(states, id).Last().ToKbps == 1000,
                TimeSpan.FromSeconds(60), "the step back up to 1000 kbit/s");
            output.WriteLine($"stepped back up {freed.Elapsed.TotalSeconds:0.0} s after the link was freed");
            Assert.Contains(logs.Lines, l => l.Contains("stepping back up to 1000 kbit/s", StringComparison.Ordinal));
            Assert.Equal(OutputState.Live, Output(encoder, id).State);
        }
        await encoder.StopAsync(CancellationToken.None);

        Assert.Equal(0, states.Count(id, OutputState.Reconnecting)); // the connection to the ingest never dropped
        var recording = Path.Combine(_server.RecordingsDirectory, "abr.flv");
        var video = await Media.ProbeAsync(recording);
        Assert.Equal((320, 180), (video.Width, video.Height));
        var times = await Media.VideoPacketTimesAsync(recording);
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).OrderDescending().Take(4).Select(g => $"{g * 1000:0} ms");
        output.WriteLine($"{times.Length} video packets at the ingest over {times[^1] - times[0]:0.0} s; longest gaps {string.Join(", ", gaps)}");
        Assert.True(times.Length > 30 * 8, $"the ingest recorded {times.Length} frames");
    }

    private static EncoderOutput Output(FFmpegEncoder encoder, string id) => encoder.ListOutputs().Single(o => o.Id == id);

    private static List<BitrateStep> Steps(StateRecorder states, string id) =>
        [.. states.Changes.Where(c => c.OutputId == id && c.Step is not null).Select(c => c.Step!)];

    public void Dispose()
    {
        _relayInstance?.Dispose();
        _server.Dispose();
    }
}
