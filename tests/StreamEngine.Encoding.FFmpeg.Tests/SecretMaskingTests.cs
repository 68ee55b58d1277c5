using StreamEngine.TestFixtures;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class SecretMaskingTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoFormat Format = new(320, 180, 30);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(45);
    private static readonly string[] Secrets = ["sekritKey123", "otherSecret456", "pa55word", "tok789", "pass2222222222"];

    private readonly NginxRtmpServer _server = new();

    [Fact]
    public async Task Stream_keys_passwords_and_query_secrets_appear_in_no_log_line_status_or_event()
    {
        using var deadServer = new NginxRtmpServer();
        deadServer.Stop(); // a port nobody listens on: ffmpeg's connection errors quote the URL
        var frames = new SolidFrames(Format);
        var loggerFactory = RecordingLoggerProvider.CreateFactory(out var logs, output);
        await using var encoder = new FFmpegEncoder(new EncoderSettings { HardwareAcceleration = HardwareAcceleration.None }, loggerFactory);
        var states = new StateRecorder(encoder);
        var live = encoder.AddOutput(_server.Url("sekritKey123"));
        var refused = encoder.AddOutput($"rtmp://user:pa55word@127.0.0.1:{deadServer.Port}/live/otherSecret456?token=tok789");
        var srt = encoder.AddOutput($"srt://127.0.0.1:{deadServer.Port}?streamid=otherSecret456&passphrase=pass2222222222");
        await encoder.StartAsync(Format, CancellationToken.None);
        await using (new FramePump(encoder, frames, Format))
        {
            await Eventually.TrueAsync(() => states.Count(live, OutputState.Live) > 0, Generous, "the output with a key to go live");
            await Eventually.TrueAsync(() => encoder.Outputs.Single(o => o.Id == refused).LastError is not null, Generous, "the refused output's error");
            await Eventually.TrueAsync(() => encoder.Outputs.Single(o => o.Id == srt).LastError is not null, Generous, "the SRT output's error");
            Assert.Equal($"rtmp://127.0.0.1:{_server.Port}/live/****", encoder.Outputs.Single(o => o.Id == live).Target);
            Assert.Equal($"rtmp://****@127.0.0.1:{deadServer.Port}/live/****?token=****", encoder.Outputs.Single(o => o.Id == refused).Target);
            Assert.Equal($"srt://127.0.0.1:{deadServer.Port}?streamid=****&passphrase=****", encoder.Outputs.Single(o => o.Id == srt).Target);
            foreach (var status in encoder.Outputs) AssertNoSecret(status.ToString());
        }
        await encoder.StopAsync(CancellationToken.None);

        Assert.Contains(logs.Lines, line => line.Contains("Connection refused", StringComparison.Ordinal));
        foreach (var line in logs.Lines) AssertNoSecret(line);
        foreach (var change in states.Changes) AssertNoSecret(change.ToString());
    }

    [Fact]
    public void A_target_that_cannot_be_parsed_says_why_without_its_secret()
    {
        var error = Assert.Throws<FormatException>(() => OutputTarget.Parse("http://example.com/live/sekritKey123"));
        Assert.DoesNotContain("sekritKey123", error.Message);
        Assert.Contains("rtmp://", error.Message);
    }

    public void Dispose() => _server.Dispose();

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in Secrets) Assert.DoesNotContain(secret, text);
    }
}
