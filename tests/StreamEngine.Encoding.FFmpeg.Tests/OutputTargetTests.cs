namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class OutputTargetTests
{
    [Theory]
    [InlineData("rtmp://a.rtmp.youtube.com/live2/abcd-efgh-1234", OutputKind.Rtmp, "flv", "rtmp://a.rtmp.youtube.com/live2/****")]
    [InlineData("rtmps://live-api-s.facebook.com:443/rtmp/FB-123?s_bl=1&a=secret", OutputKind.Rtmp, "flv", "rtmps://live-api-s.facebook.com:443/rtmp/****?s_bl=****&a=****")]
    [InlineData("rtmp://bob:hunter2@host/live", OutputKind.Rtmp, "flv", "rtmp://****@host/****")]
    [InlineData("rtmp://host/SECRETKEY", OutputKind.Rtmp, "flv", "rtmp://host/****")] // the key as the only path segment
    [InlineData("rtmp://host:1935/SECRETKEY/?live=1", OutputKind.Rtmp, "flv", "rtmp://host:1935/****?live=****")]
    [InlineData("srt://host:9000/SECRET?passphrase=longpassphrase", OutputKind.Srt, "mpegts", "srt://host:9000/****?passphrase=****")]
    [InlineData("srt://host:9000?streamid=s3cret&passphrase=longpassphrase", OutputKind.Srt, "mpegts", "srt://host:9000?streamid=****&passphrase=****")]
    public void Urls_are_parsed_and_their_secrets_masked(string text, OutputKind kind, string format, string display)
    {
        var target = OutputTarget.Parse(text);

        Assert.Equal((kind, format, display, text), (target.Kind, target.Format, target.Display, target.Address));
        Assert.Equal(display, target.ToString());
    }

    [Theory]
    [InlineData("show.mp4", "mp4")]
    [InlineData("show.MKV", "matroska")]
    [InlineData("show.flv", "flv")]
    [InlineData("show.ts", "mpegts")]
    [InlineData("show.webm", "webm")]
    public void A_file_extension_picks_the_container(string path, string format)
    {
        var target = OutputTarget.Parse(path);

        Assert.Equal((OutputKind.File, format, Path.GetFullPath(path)), (target.Kind, target.Format, target.Address));
    }

    [Fact]
    public void A_restarted_file_output_gets_a_new_name_instead_of_overwriting()
    {
        var target = OutputTarget.Parse("/recordings/show.mp4");

        Assert.Equal(["/recordings/show.mp4", "/recordings/show.1.mp4", "/recordings/show.2.mp4"],
            Enumerable.Range(0, 3).Select(target.PathForAttempt));
    }

    [Fact]
    public void Redact_masks_the_key_wherever_ffmpeg_quotes_it()
    {
        var target = OutputTarget.Parse("rtmp://host/live/abc%20def?token=t%2Bk");

        Assert.Equal("rtmp://host/live/****?token=****: I/O error; key **** token **** ****",
            target.Redact("rtmp://host/live/abc%20def?token=t%2Bk: I/O error; key abc%20def token t%2Bk t+k"));
    }

    [Fact]
    public void A_lone_key_is_masked_wherever_ffmpeg_quotes_it_even_decoded()
    {
        var target = OutputTarget.Parse("rtmp://host/my%2Fkey");

        Assert.Equal("rtmp://host/****: Connection refused; key ****", target.Redact("rtmp://host/my%2Fkey: Connection refused; key my/key"));
    }

    [Theory]
    [InlineData("show.avi")]
    [InlineData("ftp://host/x")]
    [InlineData("rtmp:///live/key")]
    [InlineData("")]
    public void Unknown_targets_are_refused_with_what_was_expected(string text)
    {
        Assert.False(OutputTarget.TryParse(text, out var target, out var problem));
        Assert.Null(target);
        Assert.Contains("rtmp://", problem);
    }
}
