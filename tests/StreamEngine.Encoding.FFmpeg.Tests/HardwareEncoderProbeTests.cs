using Microsoft.Extensions.Logging;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class HardwareEncoderProbeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Asking_for_nvenc_gets_it_only_if_a_trial_encode_works_and_logs_one_line_saying_why()
    {
        // A distinct ffmpeg path keeps this test's choice out of the per-process cache other tests share.
        var settings = new EncoderSettings { HardwareAcceleration = HardwareAcceleration.Nvenc, FFmpegPath = "/usr/bin/ffmpeg" };
        var probe = new HardwareEncoderProbe(RecordingLoggerProvider.CreateFactory(out var logs, output).CreateLogger<HardwareEncoderProbe>());

        var choice = await probe.ChooseAsync(settings);
        var again = await probe.ChooseAsync(settings);

        Assert.Same(choice, again);
        var line = Assert.Single(logs.Lines);
        Assert.Contains("Video encoder: " + choice.Name, line);
        if (choice.Name == "libx264")
            Assert.Contains("h264_nvenc", choice.Reason); // listed by Debian's ffmpeg, but no GPU here: the reason says so
        else
            Assert.Equal("h264_nvenc", choice.Name);
    }

    [Fact]
    public async Task Auto_takes_the_first_hardware_encoder_that_passes_a_trial_or_says_why_each_failed()
    {
        var probe = new HardwareEncoderProbe(RecordingLoggerProvider.CreateFactory(out _, output).CreateLogger<HardwareEncoderProbe>());

        var choice = await probe.ChooseAsync(new EncoderSettings());

        if (choice.Acceleration == HardwareAcceleration.None)
            Assert.Equal("libx264", choice.Name);
        else
            Assert.Contains("passed a trial encode", choice.Reason);
        Assert.False(string.IsNullOrWhiteSpace(choice.Reason));
    }

    [Fact]
    public async Task No_acceleration_means_software()
    {
        var probe = new HardwareEncoderProbe(RecordingLoggerProvider.CreateFactory(out _).CreateLogger<HardwareEncoderProbe>());

        var choice = await probe.ChooseAsync(new EncoderSettings { HardwareAcceleration = HardwareAcceleration.None, VideoCodec = VideoCodec.Vp8 });

        Assert.Equal(("libvpx", HardwareAcceleration.None), (choice.Name, choice.Acceleration));
    }
}
