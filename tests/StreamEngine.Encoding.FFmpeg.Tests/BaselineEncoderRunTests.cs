using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class BaselineEncoderRunTests
{
    [Fact]
    public async Task Baseline_encodes_the_frames_fed_from_memory_with_the_encoder_arguments_and_reports_its_cpu()
    {
        var format = new VideoFormat(320, 180, 30);
        var solid = new SolidFrames(format);
        var frames = new List<ReadOnlyMemory<byte>>();
        for (var i = 0; i < 30; i++)
        {
            var frame = solid.Rent((byte)(i * 8), 100, 50, i);
            frames.Add(frame.Pixels.ToArray());
            frame.Release();
        }
        var settings = new EncoderSettings { HardwareAcceleration = HardwareAcceleration.None };

        var result = await new BaselineEncoderRun(settings, RecordingLoggerProvider.CreateFactory(out _))
            .RunAsync(frames, format, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.InRange(result.CpuPercentOfOneCore, 0.1, 200);
        Assert.Equal("libx264", result.VideoEncoder);
        // The baseline is fed BGRA whatever the engine's PIXEL_FORMAT: ffmpeg converts, as it did before the engine could.
        Assert.Equal("bgra", result.Arguments[result.Arguments.ToList().IndexOf("-pix_fmt") + 1]);
        var encoderArguments = FFmpegArguments.ForEncode(settings with { PixelFormat = PixelFormat.Bgra }, format, VideoEncoderChoice.Software(VideoCodec.H264, ""),
            FFmpegArguments.MpegTsToStdout(0));
        // Identical encode: only the destination differs.
        Assert.Equal(Encode(encoderArguments), Encode(result.Arguments));
    }

    private static IEnumerable<string> Encode(IReadOnlyList<string> arguments) =>
        arguments.TakeWhile(a => a != "-shortest");
}
