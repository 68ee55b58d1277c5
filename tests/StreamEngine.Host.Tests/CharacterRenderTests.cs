using System.Net;
using System.Security.Cryptography;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// Characters in the real engine: a scene with both characters (tests/fixtures/scenes/characters.json) rendered offline through the CLI (effects bring the host and
/// assistant in, keyframes on props.state and props.speech switch them the way a script's say() does), and a live
/// show whose host is changed over the REST API.
/// </summary>
public sealed class CharacterRenderTests : IDisposable
{
    private const string Skin = "#f0c29a", Accent = "#ffd166", Bar = "#1f2f6b", Gavel = "#a86b32", AssistantBubble = "#d8f3ef";

    private readonly TempDirectory _dir = new("characters");

    [Fact]
    public async Task The_host_slides_in_then_talks_on_a_lower_third_then_celebrates_with_the_gavel()
    {
        var mp4 = _dir.File("characters.mp4");
        var run = await Engine.RunAsync(["render", "--scene", RepoPaths.TestScene("characters.json"), "--frames", "151", "--out", mp4], SampleArt);
        Assert.True(run.ExitCode == 0, run.AllOutput);

        var offscreen = await Media.DecodeFrameAsync(mp4, 10, 1280, 720);
        var sliding = await Media.DecodeFrameAsync(mp4, 14, 1280, 720);
        var idle = await Media.DecodeFrameAsync(mp4, 30, 1280, 720);
        var talking = await Media.DecodeFrameAsync(mp4, 60, 1280, 720);
        var celebrating = await Media.DecodeFrameAsync(mp4, 150, 1280, 720);

        // slideIn from the left by 420 px over 0.7 s (easeOutCubic) with a fadeIn, from 0.2 s: at frame 10 the host is
        // still off screen; at frame 14 it is 76 % of the way, its face about 100 px left of its place and nearly opaque.
        Assert.False(offscreen.IsNear(200, 470, Skin, 30, out var early), $"the host's face should not be in place yet, got {early}");
        Assert.True(sliding.IsNear(100, 470, Skin, 40, out var moving), $"the host's face should be on its way in, got {moving}");
        Assert.False(sliding.IsNear(240, 470, Skin, 40, out var notYet), $"the host's face should not have reached its place, got {notYet}");
        Assert.True(idle.IsNear(200, 470, Skin, 12, out var face), $"the host's face should be in place, got {face}");
        // Idle has no speech; at 1.5 s the state becomes talking and the lower third wipes in (accent stripe, dark bar).
        Assert.False(idle.IsNear(311, 690, Accent, 40, out var noStripe), $"no lower third while idle, got {noStripe}");
        Assert.True(talking.IsNear(311, 690, Accent, 16, out var stripe), $"the lower third's accent stripe should show, got {stripe}");
        Assert.True(talking.IsNear(700, 690, Bar, 12, out var bar), $"the lower third's bar should show, got {bar}");
        // At 4.5 s the host celebrates: the raised gavel is where there was only background.
        Assert.False(talking.IsNear(300, 343, Gavel, 40, out var noGavel), $"no gavel while talking, got {noGavel}");
        Assert.True(celebrating.IsNear(300, 343, Gavel, 16, out var gavel), $"the gavel should be raised, got {gavel}");
        // The assistant speaks in its own teal bubble from 2.5 s.
        Assert.False(talking.IsNear(900, 440, AssistantBubble, 30, out var noBubble), $"no assistant bubble yet, got {noBubble}");
        Assert.True(celebrating.IsNear(900, 440, AssistantBubble, 12, out var bubble), $"the assistant's bubble should show, got {bubble}");
    }

    [Fact]
    public async Task The_host_changes_state_and_speaks_when_its_props_are_patched_over_the_api()
    {
        var art = RepoPaths.Samples("layers", "characters", "auctioneer");
        var scene = _dir.File("host.json");
        await File.WriteAllTextAsync(scene, $$"""
            { "size": "320x180", "fps": 30, "layers": [
                { "id": "bg", "type": "background", "props": { "color": "#101018" } },
                { "id": "host", "type": "host", "zIndex": 1, "transform": { "x": 0, "y": 20, "width": 320, "height": 160 },
                  "props": { "state": "idle", "bubbleColor": "#ff00ff", "states": {
                    "idle": { "src": "{{art}}/idle.png" },
                    "celebrating": { "sheet": "{{art}}/celebrating.png", "rows": 2, "cols": 2, "fps": 6 } } } } ] }
            """);
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("live.ts"), scene, Engine.Environment(SampleArt));

        var patched = await engine.Api.PatchAsync("api/layers/host", RunningEngine.Json("""{ "props": { "state": "celebrating", "speech": { "text": "Sold!" } } }"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await Task.Delay(1500); // a second of frames with the change
        await engine.StopAsync();

        var info = await Media.ProbeAsync(engine.Recording);
        var first = await Media.DecodeFrameAsync(engine.Recording, 0, 320, 180);
        var last = await Media.DecodeFrameAsync(engine.Recording, info.Frames - 1, 320, 180);
        // Celebrating raises the arm beside the head, where idle shows the background; the bubble (magenta here) is beside it.
        Assert.False(first.IsNear(105, 95, "#23325c", 40, out var noArm), $"idle has no raised arm, got {noArm}");
        Assert.True(last.IsNear(105, 95, "#23325c", 40, out var arm), $"celebrating raises the arm, got {arm}");
        Assert.False(first.IsNear(123, 40, "#ff00ff", 60, out var noBubble), $"no speech at first, got {noBubble}");
        Assert.True(last.IsNear(123, 40, "#ff00ff", 60, out var bubble), $"the speech bubble should show, got {bubble}");
    }

    [Fact]
    public async Task Character_renders_are_byte_identical_through_state_changes_and_transitions()
    {
        // Frames 40 to 60 hold the host's change to talking (1.5 s) with its fade and the lower third wiping in.
        string[] Args(string output) => ["render", "--scene", RepoPaths.TestScene("characters.json"), "--frames", "60", "--size", "320x180", "--out", output];
        var a = await Engine.RunAsync(Args(_dir.File("a.raw")), SampleArt);
        var b = await Engine.RunAsync(Args(_dir.File("b.raw")), SampleArt);
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a.AllOutput + b.AllOutput);

        Assert.Equal(60L * 320 * 180 * 4, new FileInfo(_dir.File("a.raw")).Length);
        Assert.Equal(Hash(_dir.File("a.raw")), Hash(_dir.File("b.raw")));
    }

    /// <summary>These scenes live outside the sample that holds the characters' art, so its folder is an asset root.</summary>
    private static (string, string?) SampleArt => ("ASSET_ROOTS", RepoPaths.Samples("layers"));

    private static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(file));
    }

    public void Dispose() => _dir.Dispose();
}
