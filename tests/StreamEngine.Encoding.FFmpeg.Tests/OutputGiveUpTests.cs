using StreamEngine.TestFixtures;
using StreamEngine.Encoding.FFmpeg.Tests.Support;
using StreamEngine.Sdk;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class OutputGiveUpTests(ITestOutputHelper output)
{
    private static readonly VideoFormat Format = new(320, 180, 30);

    [Fact]
    public async Task An_output_that_keeps_failing_gives_up_after_the_configured_attempts_and_the_others_go_on()
    {
        using var nobody = new NginxRtmpServer();
        nobody.Stop();
        var frames = new SolidFrames(Format);
        var settings = new EncoderSettings
        {
            HardwareAcceleration = HardwareAcceleration.None,
            Outputs = new OutputPolicy { MaxAttempts = 2 },
        };
        await using var encoder = new FFmpegEncoder(settings, RecordingLoggerProvider.CreateFactory(out _, output));
        var states = new StateRecorder(encoder);
        var doomed = encoder.AddOutput(nobody.Url("key"));
        var healthy = encoder.AddOutput(Path.Combine(Path.GetTempPath(), $"se-giveup-{Guid.NewGuid():N}.ts"));
        await encoder.StartAsync(Format, CancellationToken.None);
        await using (new FramePump(encoder, frames, Format))
        {
            await Eventually.TrueAsync(() => states.Count(doomed, OutputState.Failed) == 1, TimeSpan.FromSeconds(45), "the output to give up");
            Assert.Equal(OutputState.Live, encoder.Outputs.Single(o => o.Id == healthy).State);
        }
        await encoder.StopAsync(CancellationToken.None);

        Assert.Equal("Connecting Reconnecting Connecting Failed", states.Sequence(doomed));
        Assert.Contains("gave up after 2 attempts", encoder.Outputs.Single(o => o.Id == doomed).LastError);
        Assert.Equal("Connecting Live Stopped", states.Sequence(healthy));
        File.Delete(encoder.Outputs.Single(o => o.Id == healthy).Target);
    }
}
