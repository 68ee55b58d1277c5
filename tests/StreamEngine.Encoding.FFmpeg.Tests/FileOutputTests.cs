using StreamEngine.TestFixtures;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class FileOutputTests : IDisposable
{
    private static readonly VideoFormat Format = new(320, 180, 30);
    private static readonly (byte R, byte G, byte B)[] Colors = [(230, 40, 30), (20, 200, 60), (40, 60, 220)];
    private const int FramesPerColor = 30;

    private readonly string _directory = Directory.CreateTempSubdirectory("se-encode-").FullName;

    [Fact]
    public async Task Solid_colors_rendered_offline_decode_back_from_the_mp4_within_codec_tolerance()
    {
        var path = Path.Combine(_directory, "show.mp4");
        var frames = new SolidFrames(Format);
        var states = new List<OutputState>();
        await using (var encoder = new FFmpegEncoder(new EncoderSettings { Live = false, HardwareAcceleration = HardwareAcceleration.None },
            RecordingLoggerProvider.CreateFactory(out _)))
        {
            encoder.OutputStateChanged += change => { lock (states) states.Add(change.State); };
            encoder.AddOutput(path);
            await encoder.StartAsync(Format, CancellationToken.None);
            long index = 0;
            foreach (var (r, g, b) in Colors)
                for (var i = 0; i < FramesPerColor; i++)
                    await encoder.WriteAsync(frames.Rent(r, g, b, index++), CancellationToken.None);
            await encoder.StopAsync(CancellationToken.None);
            Assert.Equal(Colors.Length * FramesPerColor, encoder.FramesWritten);
        }

        Assert.Equal(0, frames.Outstanding);
        Assert.Equal([OutputState.Connecting, OutputState.Live, OutputState.Stopped], states);
        Assert.Equal(["h264", "320", "180", "30/1", (Colors.Length * FramesPerColor).ToString()], await Media.ProbeVideoAsync(path));
        for (var c = 0; c < Colors.Length; c++)
        {
            var rgb = await Media.DecodeFrameRgbAsync(path, c * FramesPerColor + FramesPerColor / 2);
            Assert.Equal(Format.Width * Format.Height * 3, rgb.Length);
            var center = (Format.Height / 2 * Format.Width + Format.Width / 2) * 3;
            AssertNear(Colors[c], (rgb[center], rgb[center + 1], rgb[center + 2]));
        }
    }

    [Fact]
    public async Task Vp9_is_written_to_webm_by_the_encoder_process_itself()
    {
        var path = Path.Combine(_directory, "show.webm");
        var frames = new SolidFrames(Format);
        var settings = new EncoderSettings
        {
            Live = false, VideoCodec = VideoCodec.Vp9, AudioCodec = AudioCodec.Opus, Preset = "ultrafast",
            HardwareAcceleration = HardwareAcceleration.None,
        };
        await using (var encoder = new FFmpegEncoder(settings, RecordingLoggerProvider.CreateFactory(out _)))
        {
            var states = new StateRecorder(encoder);
            var id = encoder.AddOutput(path);
            await encoder.StartAsync(Format, CancellationToken.None);
            for (var i = 0; i < 45; i++) await encoder.WriteAsync(frames.Rent(20, 200, 60, i), CancellationToken.None);
            await encoder.StopAsync(CancellationToken.None);
            Assert.Equal("Connecting Live Stopped", states.Sequence(id));
        }

        var probe = await Media.ProbeVideoAsync(path);
        Assert.Equal(["vp9", "320", "180"], probe[..3]);
        Assert.Equal("45", probe[4]);
        var rgb = await Media.DecodeFrameRgbAsync(path, 20);
        var center = (Format.Height / 2 * Format.Width + Format.Width / 2) * 3;
        AssertNear((20, 200, 60), (rgb[center], rgb[center + 1], rgb[center + 2]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void AssertNear((byte R, byte G, byte B) expected, (byte R, byte G, byte B) actual)
    {
        const int tolerance = 12; // yuv420p limited range and lossy coding
        Assert.True(Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance
            && Math.Abs(expected.B - actual.B) <= tolerance, $"expected about {expected}, decoded {actual}");
    }
}
