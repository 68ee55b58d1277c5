using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class EncoderSettingsTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.Empty(new EncoderSettings().Validate());

    [Fact]
    public void Each_invalid_setting_is_reported_with_its_field_its_value_and_what_is_allowed()
    {
        var settings = new EncoderSettings
        {
            Preset = "warp", VideoBitrateKbps = 5, KeyframeIntervalSeconds = 0, AudioBitrateKbps = 4000,
            VideoCodec = (VideoCodec)42, Outputs = new OutputPolicy { MaxAttempts = 0 },
        };

        var problems = settings.Validate().ToDictionary(p => p.Field);

        Assert.Equal(["AudioBitrateKbps", "KeyframeIntervalSeconds", "Outputs.MaxAttempts", "Preset", "VideoBitrateKbps", "VideoCodec"],
            problems.Keys.Order());
        Assert.Equal("Preset is 'warp'; expected one of ultrafast, superfast, veryfast, faster, fast, medium, slow, slower, veryslow",
            problems["Preset"].ToString());
        Assert.Contains("h264, vp8, vp9", problems["VideoCodec"].Expected);
        Assert.Equal("5", problems["VideoBitrateKbps"].Value);
    }

    [Fact]
    public async Task Starting_with_invalid_settings_fails_with_a_message_naming_the_field()
    {
        await using var encoder = new FFmpegEncoder(new EncoderSettings { AudioBitrateKbps = 1 }, RecordingLoggerProvider.CreateFactory(out _));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => encoder.StartAsync(new VideoFormat(320, 180, 30), CancellationToken.None));
        Assert.Contains("AudioBitrateKbps is '1'; expected 32 to 512", error.Message);
    }

    [Theory]
    [InlineData(1080, 4500)]
    [InlineData(720, 2500)]
    [InlineData(180, 800)]
    public void Default_video_bitrate_follows_the_frame_height(int height, int kbps) =>
        Assert.Equal(kbps, new EncoderSettings().VideoBitrateFor(height));

    [Fact]
    public void Rtmp_needs_h264_and_says_so()
    {
        var problem = new EncoderSettings { VideoCodec = VideoCodec.Vp9 }.ProblemWith(OutputTarget.Parse("rtmp://host/live/key"));
        Assert.Equal("rtmp://host/live/****: RTMP and FLV outputs require VideoCodec h264 and AudioCodec aac (VideoCodec is vp9, AudioCodec is aac)", problem);
        Assert.Null(new EncoderSettings().ProblemWith(OutputTarget.Parse("rtmp://host/live/key")));
    }

    [Fact]
    public async Task An_rtmp_output_for_a_vp9_encode_is_failed_with_the_reason_and_the_encode_goes_on()
    {
        var directory = Directory.CreateTempSubdirectory("se-vp9-").FullName;
        try
        {
            var settings = new EncoderSettings { VideoCodec = VideoCodec.Vp9, AudioCodec = AudioCodec.Opus, Live = false, HardwareAcceleration = HardwareAcceleration.None };
            await using var encoder = new FFmpegEncoder(settings, RecordingLoggerProvider.CreateFactory(out _));
            var rtmp = encoder.AddOutput("rtmp://127.0.0.1:1/live/key");
            encoder.AddOutput(Path.Combine(directory, "a.webm"));
            await encoder.StartAsync(new VideoFormat(320, 180, 30), CancellationToken.None);

            var status = encoder.Outputs.Single(o => o.Id == rtmp);
            Assert.Equal(OutputState.Failed, status.State);
            Assert.Contains("require VideoCodec h264", status.LastError);
            await encoder.StopAsync(CancellationToken.None);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Live_and_offline_encodes_are_timed_by_the_frame_count_at_constant_rate()
    {
        var format = new VideoFormat(320, 180, 30);
        var encoder = VideoEncoderChoice.Software(VideoCodec.H264, "test");
        var live = FFmpegArguments.ForEncode(new EncoderSettings(), format, encoder, ["-f", "null", "-"]);
        var offline = FFmpegArguments.ForEncode(new EncoderSettings { Live = false }, format, encoder, ["-f", "null", "-"]);

        // The frame clock is the timeline (skipped slots are filled by the writer, SkippedFrameTests): no wall-clock stamps.
        Assert.DoesNotContain("-use_wallclock_as_timestamps", live);
        Assert.DoesNotContain("-use_wallclock_as_timestamps", offline);
        Assert.Equal("cfr", live[live.ToList().IndexOf("-fps_mode") + 1]);
        Assert.Equal("60", live[live.ToList().IndexOf("-g") + 1]);
        Assert.Equal("zerolatency", live[live.ToList().IndexOf("-tune") + 1]);
    }
}
