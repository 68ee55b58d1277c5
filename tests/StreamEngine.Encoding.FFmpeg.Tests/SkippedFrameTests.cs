using System.Diagnostics;
using System.Globalization;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

/// <summary>
/// A live show that skips frame slots under load (the frame thread late, the encoder queue full): the picture keeps
/// one frame per tick of the frame clock (the previous picture again for each skipped slot), so it lasts as long as
/// the run and the sound, timed by the same clock, stays on its flashes.
/// </summary>
public sealed class SkippedFrameTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(320, 180, 30);
    private const int Seconds = 8;

    private readonly string _directory = Directory.CreateTempSubdirectory("se-skip-").FullName;

    /// <summary>Slots the pump leaves out: a 0.5 s stall, then every other frame for a second, then single frames.</summary>
    private static bool Skipped(long index) =>
        index is >= 45 and < 60 || index is >= 100 and < 130 && index % 2 == 1 || index % 37 == 5;

    [Fact]
    public async Task Skipped_slots_are_filled_so_the_video_lasts_the_run_and_the_sound_stays_on_the_flashes()
    {
        var path = Path.Combine(_directory, "live.ts");
        var frames = new SolidFrames(Format);
        var settings = new EncoderSettings { Live = true, HardwareAcceleration = HardwareAcceleration.None, Preset = "ultrafast" };
        long skipped = 0, refused = 0, offered = 0, firstTaken = -1, dropped;
        await using (var encoder = new FFmpegEncoder(settings, RecordingLoggerProvider.CreateFactory(out _), audio: new BeepEverySecond(new Sdk.Audio.AudioFormat())))
        {
            encoder.AddOutput(path);
            await encoder.StartAsync(Format, CancellationToken.None);
            // The engine's clock: slot n is due at start + n / fps by the wall clock, whatever was skipped before it. It
            // starts at once, as the engine's does: the frames before the encoder process takes any are refused.
            var start = Stopwatch.GetTimestamp();
            for (long n = 0; n < Seconds * Format.Fps; n++)
            {
                var due = TimeSpan.FromSeconds((double)n / Format.Fps) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero) await Task.Delay(due);
                if (Skipped(n)) { skipped += firstTaken < 0 ? 0 : 1; continue; } // before the first frame the encoder knows of no slot
                var flash = n % Format.Fps < 3;
                var frame = flash ? frames.Rent(255, 255, 255, n) : frames.Rent(0, 0, 0, n);
                offered++;
                if (!encoder.TryWrite(frame)) { refused++; frame.Release(); }
                else if (firstTaken < 0) firstTaken = n;
            }
            // The closing frame, waited for: a slot refused at the very end is filled like the others.
            await encoder.WriteAsync(frames.Rent(0, 0, 0, Seconds * Format.Fps), CancellationToken.None);
            await encoder.StopAsync(CancellationToken.None);
            output.WriteLine($"skipped {skipped}, offered {offered}, refused {refused}, first taken {firstTaken}; encoder wrote {encoder.FramesWritten}, dropped {encoder.FramesDropped}");
            dropped = encoder.FramesDropped;
        }

        var videoFrames = long.Parse((await Probe(path, "v:0", "stream=nb_read_frames", "-count_frames")).Split('\n')[0].Trim().TrimEnd(','), CultureInfo.InvariantCulture);
        var (videoStart, videoEnd) = await Span(path, "v:0");
        var (audioStart, audioEnd) = await Span(path, "a:0");
        output.WriteLine($"video {videoFrames} frames, {videoStart:0.000} to {videoEnd:0.000} s; audio {audioStart:0.000} to {audioEnd:0.000} s");
        // One frame per slot from the first the encoder took (while its process started it took none).
        Assert.True(firstTaken >= 0 && firstTaken < 5 * Format.Fps, $"the encoder took its first frame at slot {firstTaken}");
        var slots = Seconds * Format.Fps + 1 - firstTaken;
        Assert.InRange(videoFrames, slots - 1, slots + 1);
        // The sound lasts as long as the picture: it starts with it (the AAC encoder's priming, one frame of 21 ms that
        // decoders drop, comes before) and ends with it (ffmpeg's -shortest stops it at a whole AAC frame, and the
        // encoder may be up to two frames ahead: 64 ms at most), however many slots were skipped.
        Assert.InRange(videoStart - audioStart, 0, 0.022);
        Assert.True(Math.Abs(audioEnd - videoEnd) <= 0.064, $"audio ends at {audioEnd:0.000} s, video at {videoEnd:0.000} s");

        var offsets = await AudioMeasure.FlashBeepOffsetsAsync(path, Format.Fps);
        output.WriteLine("A/V offsets (ms): " + string.Join(", ", offsets.Select(x => (x * 1000).ToString("0.0", CultureInfo.InvariantCulture))));
        // A flash the encoder's full queue refused outright (all its frames, on a loaded machine) is not there to measure.
        Assert.True(offsets.Count >= Seconds / 2, $"expected a flash every second, found {offsets.Count}");
        Assert.All(offsets, o => Assert.True(Math.Abs(o) < 0.040, $"A/V offsets (s): {string.Join(", ", offsets.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}"));
        // What a viewer sees as dropped: every slot that shows the previous picture again, and those before the first picture.
        Assert.Equal(skipped + refused, dropped);
    }

    private static Task<string> Probe(string path, string stream, string entries, params string[] extra) =>
        Media.RunTextAsync("ffprobe", TimeSpan.FromSeconds(60), ["-v", "error", .. extra, "-select_streams", stream, "-show_entries", entries, "-of", "csv=p=0", path]);

    /// <summary>A stream's first and last time from its packets (an MPEG-TS stream has no duration field): first start, last end.</summary>
    private static async Task<(double Start, double End)> Span(string path, string stream)
    {
        var packets = (await Probe(path, stream, "packet=pts_time,duration_time")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',')).Where(p => p.Length >= 2 && double.TryParse(p[0], CultureInfo.InvariantCulture, out _))
            .Select(p => (Pts: double.Parse(p[0], CultureInfo.InvariantCulture), Duration: double.TryParse(p[1], CultureInfo.InvariantCulture, out var d) ? d : 0)).ToList();
        return (packets.Min(p => p.Pts), packets.Max(p => p.Pts + p.Duration));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
