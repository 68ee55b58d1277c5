using System.Globalization;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

/// <summary>A calm scene (one still colour) at 2500 kbit/s: constant bitrate really sends 2500 kbit/s; capped VBR sends far less.</summary>
public sealed class RateControlTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(640, 360, 30);
    private const int Frames = 150;
    private readonly string _directory = Directory.CreateTempSubdirectory("se-rate-").FullName;

    [Fact]
    public async Task Cbr_keeps_a_calm_scene_at_the_set_bitrate_and_vbr_does_not()
    {
        var cbr = await EncodeAsync(RateControl.Cbr);
        var vbr = await EncodeAsync(RateControl.Vbr);
        output.WriteLine($"calm scene at 2500k: cbr {cbr:0} kbit/s, vbr {vbr:0} kbit/s");
        Assert.InRange(cbr, 2500 * 0.9, 2500 * 1.1);
        Assert.True(vbr < 2500 * 0.5, $"capped VBR should spend less on a still picture, got {vbr:0} kbit/s");
    }

    /// <summary>The video bitrate of the file, as ffprobe reads its packets, in kbit/s.</summary>
    private async Task<double> EncodeAsync(RateControl rateControl)
    {
        var path = Path.Combine(_directory, $"{rateControl}.ts");
        var frames = new SolidFrames(Format);
        var settings = new EncoderSettings { Live = false, HardwareAcceleration = HardwareAcceleration.None, VideoBitrateKbps = 2500, RateControl = rateControl };
        await using (var encoder = new FFmpegEncoder(settings, RecordingLoggerProvider.CreateFactory(out _)))
        {
            encoder.AddOutput(path);
            await encoder.StartAsync(Format, CancellationToken.None);
            for (long n = 0; n < Frames; n++) await encoder.WriteAsync(frames.Rent(30, 60, 90, n), CancellationToken.None);
            await encoder.StopAsync(CancellationToken.None);
        }
        var sizes = await Media.RunTextAsync("ffprobe", TimeSpan.FromSeconds(60), "-v", "error", "-select_streams", "v:0",
            "-show_entries", "packet=size", "-of", "csv=p=0", path);
        var bytes = sizes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(l => long.Parse(l.Trim().TrimEnd(','), CultureInfo.InvariantCulture));
        return bytes * 8 / 1000.0 / ((double)Frames / Format.Fps);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
