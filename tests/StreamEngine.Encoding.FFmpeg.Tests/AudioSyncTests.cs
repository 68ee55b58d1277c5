using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Audio;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

/// <summary>The show's sound reaches the file in step with the picture: a flash every second and a beep every second line up.</summary>
public sealed class AudioSyncTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(320, 180, 30);
    private const int Seconds = 6;

    private readonly string _directory = Directory.CreateTempSubdirectory("se-audio-").FullName;

    [Fact]
    public async Task Flash_and_beep_rendered_offline_are_within_40_ms_of_each_other()
    {
        var path = Path.Combine(_directory, "sync.mp4");
        var frames = new SolidFrames(Format);
        var settings = new EncoderSettings { Live = false, HardwareAcceleration = HardwareAcceleration.None, Preset = "ultrafast" };
        await using (var encoder = new FFmpegEncoder(settings, RecordingLoggerProvider.CreateFactory(out _), audio: new BeepEverySecond(new AudioFormat())))
        {
            encoder.AddOutput(path);
            await encoder.StartAsync(Format, CancellationToken.None);
            for (long n = 0; n < Seconds * Format.Fps; n++)
            {
                var flash = n % Format.Fps < 3;
                await encoder.WriteAsync(flash ? frames.Rent(255, 255, 255, n) : frames.Rent(0, 0, 0, n), CancellationToken.None);
            }
            await encoder.StopAsync(CancellationToken.None);
        }

        var offsets = await AudioMeasure.FlashBeepOffsetsAsync(path, Format.Fps);
        output.WriteLine("A/V offsets (ms): " + string.Join(", ", offsets.Select(x => (x * 1000).ToString("0.0"))));
        Assert.True(offsets.Count >= Seconds - 1, $"expected a flash every second, found {offsets.Count}");
        Assert.All(offsets, o => Assert.True(Math.Abs(o) < 0.040, $"A/V offsets (s): {string.Join(", ", offsets.Select(x => x.ToString("0.000")))}"));
        var duration = await Media.RunTextAsync("ffprobe", TimeSpan.FromSeconds(30), "-v", "error", "-select_streams", "a:0",
            "-show_entries", "stream=duration", "-of", "csv=p=0", path);
        Assert.InRange(double.Parse(duration.TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture), Seconds - 0.1, Seconds + 0.1);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
