using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class BaselineEncoderRunTests
{
    [Fact]
    public async Task Baseline_encodes_a_looped_frame_file_with_the_encoder_arguments_and_reports_its_cpu()
    {
        var format = new VideoFormat(320, 180, 30);
        var path = Path.GetTempFileName();
        try
        {
            var frames = new SolidFrames(format);
            await using (var file = File.Create(path))
                for (var i = 0; i < 30; i++)
                {
                    var frame = frames.Rent((byte)(i * 8), 100, 50, i);
                    await file.WriteAsync(frame.Pixels);
                    frame.Release();
                }
            var settings = new EncoderSettings { HardwareAcceleration = HardwareAcceleration.None };

            var result = await new BaselineEncoderRun(settings, RecordingLoggerProvider.CreateFactory(out _))
                .RunAsync(path, format, TimeSpan.FromSeconds(2), CancellationToken.None);

            Assert.InRange(result.CpuPercentOfOneCore, 0.1, 200);
            Assert.Equal("libx264", result.VideoEncoder);
            var encoderArguments = FFmpegArguments.ForEncode(settings, format, VideoEncoderChoice.Software(VideoCodec.H264, ""),
                VideoInput.Pipe, FFmpegArguments.MpegTsToStdout(0));
            // Identical encode: only the input (looped file instead of stdin) and the destination differ.
            Assert.Equal(Encode(encoderArguments), Encode(result.Arguments));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Encode(IReadOnlyList<string> arguments) =>
        arguments.SkipWhile(a => a != "anullsrc=r=48000:cl=stereo").TakeWhile(a => a != "-shortest");
}
