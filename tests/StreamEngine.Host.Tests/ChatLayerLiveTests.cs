using System.Net;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The chat layer in a live show: a message posted to the API appears as a card in the recording.</summary>
public sealed class ChatLayerLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("chat-live");

    [Fact]
    public async Task A_message_posted_to_the_api_appears_as_a_card_in_the_right_column()
    {
        // Opaque cards, so a decoded pixel tells whether a card is there.
        var scene = _dir.File("scene.json");
        File.WriteAllText(scene, """
            { "layers": [
                { "id": "bg", "type": "background", "props": { "color": "#203040" } },
                { "id": "chat", "type": "chat", "zIndex": 10, "props": { "card": "#ffd166", "enter": 0.1 } } ] }
            """);
        var recording = _dir.File("chat.mp4");
        await using var engine = await RunningEngine.StartSceneAsync(recording, scene, Engine.Environment());
        var before = await FramesAsync(engine, 0);

        var posted = await engine.Api.PostAsync("api/chat", RunningEngine.Json("""{ "author": "نور", "text": "مرحبا 👋 नमस्ते" }"""));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await FramesAsync(engine, before + 45);
        await engine.StopAsync();

        var frames = (await Media.ProbeAsync(recording)).Frames;
        var first = await Media.DecodeFrameAsync(recording, 0, 320, 180);
        var last = await Media.DecodeFrameAsync(recording, frames - 1, 320, 180);
        await Media.ExtractPngAsync(recording, frames - 1, _dir.File("last.png"));
        // The right quarter of the 320x180 frame is the column; the newest card sits at its bottom.
        Assert.True(first.IsNear(250, 165, "#203040", 24, out var empty), $"before the message the column is empty, got {empty}");
        Assert.True(last.IsNear(250, 165, "#ffd166", 40, out var card), $"the card should be at the bottom of the column, got {card}");
        Assert.True(last.IsNear(120, 165, "#203040", 24, out var left), $"the rest of the frame stays clear, got {left}");
        Assert.DoesNotContain("cannot render", engine.Process.AllOutput);
    }

    /// <summary>
    /// Waits until the engine has made more than <paramref name="after"/> frames (by its stats API, which is current; the
    /// status lines are a history, where an old line would match at once); returns the count.
    /// </summary>
    internal static async Task<long> FramesAsync(RunningEngine engine, long after)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var frames = (await engine.GetObjectAsync("api/stats"))["frames"]!.GetValue<long>();
            if (frames > after) return frames;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the engine made {frames} frames in 60 s, waited for more than {after}");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _dir.Dispose();
}
