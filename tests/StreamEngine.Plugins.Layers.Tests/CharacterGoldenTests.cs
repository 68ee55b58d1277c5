using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>The host and assistant layers: each kind of state source, speech styles, and transitions caught mid-way.</summary>
public sealed class CharacterGoldenTests
{
    internal const int Width = 480, Height = 270;

    [Fact]
    public void Host_idle_from_a_still_image() =>
        GoldenImage.Check("host-idle", Width, Height, Backdrop, Host("""{ "state": "idle", "states": {{states}} }"""));

    [Theory]
    [InlineData(0)] // mouth closed
    [InlineData(8)] // 0.27 s at 8 fps: the third frame, mouth open
    public void Host_talking_from_a_sprite_sheet(long frame) =>
        GoldenImage.CheckAt($"host-talking-{frame}", Width, Height, frame, null, Backdrop, Host("""{ "state": "talking", "states": {{states}} }"""));

    [Fact]
    public void Host_reacting_from_a_folder_of_frames() =>
        GoldenImage.CheckAt("host-reacting", Width, Height, 6, null, Backdrop, Host("""{ "state": "reacting", "states": {{states}} }"""));

    [Fact]
    public void Host_celebrating_from_the_second_row_of_a_sheet() =>
        GoldenImage.CheckAt("host-celebrating", Width, Height, 11, null, Backdrop, Host("""{ "state": "celebrating", "states": {{states}} }"""));

    [Fact]
    public void Host_speaks_in_a_bubble_beside_it() =>
        GoldenImage.Check("host-bubble", Width, Height, Backdrop,
            Host("""{ "state": "talking", "states": {{states}}, "speech": { "text": "Lot 7, Sunset over Lisbon. Who starts at two ETH?", "style": "bubble" } }"""));

    [Fact]
    public void Host_speaks_on_a_lower_third_with_its_name() =>
        GoldenImage.Check("host-lower-third", Width, Height, Backdrop,
            Host("""{ "state": "talking", "name": "Archie, auctioneer", "states": {{states}}, "speech": { "text": "Going once, going twice… sold to @mira for 3.2 ETH!", "style": "lowerThird" } }"""));

    [Fact]
    public void Host_and_assistant_side_by_side_with_their_own_styles() =>
        GoldenImage.Check("host-and-assistant", Width, Height, Backdrop,
            Host("""{ "state": "idle", "states": {{states}}, "speech": "Next lot!" }""", w: 260),
            Layer("assistant", "assistant", Props("""{ "state": "celebrating", "states": {{states}}, "speech": "New high bid!" }""", "assistant"), 220, 20, 260, 250));

    [Fact]
    public void Assistant_stands_on_the_right_with_a_teal_lower_third() =>
        GoldenImage.Check("assistant-lower-third", Width, Height, Backdrop,
            Layer("assistant", "assistant", Props("""{ "state": "talking", "name": "Mia, assistant", "states": {{states}}, "speech": { "text": "Three new bids in chat!", "style": "lowerThird" } }""", "assistant"), 20, 20, Width - 40, Height - 20));

    [Fact]
    public void A_state_the_set_lacks_shows_idle() =>
        Assert.True(SamePixels(
            GoldenImage.Render(Width, Height, [Backdrop, Host("""{ "state": "dancing", "states": {{states}} }""")]),
            GoldenImage.Render(Width, Height, [Backdrop, Host("""{ "state": "idle", "states": {{states}} }""")])));

    [Theory]
    [InlineData("fade")]
    [InlineData("slide")]
    public void A_state_change_animates_and_is_caught_mid_way(string type)
    {
        using var run = new CharacterRun(Backdrop, Host("""{ "state": "idle", "states": {{states}}, "transition": { "type": "TYPE", "duration": 0.4 } }""".Replace("TYPE", type)));
        run.ComposeAt(0);
        run.Change("host", "state", "celebrating", frame: 30);
        run.ComposeAt(type == "fade" ? 36 : 34); // fade half-way; slide a third of the way (the idle pose ducking out)
        using var frame = GoldenImage.Copy(run.Compositor);
        GoldenImage.Check($"host-{type}-midway", frame);
    }

    [Theory]
    [InlineData("bubble")] // pops in, scaling about the tail's tip
    [InlineData("lowerThird")] // wipes in from the character's side
    public void Speech_animates_in_when_it_starts(string style)
    {
        using var run = new CharacterRun(Backdrop, Host("""{ "state": "idle", "name": "Archie", "states": {{states}} }"""));
        run.ComposeAt(0);
        run.Change("host", "speech", $$"""{ "text": "Welcome to the show!", "style": "{{style}}" }""", frame: 10);
        run.ComposeAt(12); // 2 of the 7.5 frames speech takes to appear
        using var frame = GoldenImage.Copy(run.Compositor);
        GoldenImage.Check($"host-{style}-appearing", frame);
    }

    [Fact]
    public void Speech_fades_out_when_it_is_removed_as_the_state_goes_back_to_idle()
    {
        using var run = new CharacterRun(Backdrop, Host("""{ "state": "talking", "states": {{states}}, "speech": "That's all for tonight!" }"""));
        run.ComposeAt(0);
        run.Change("host", "speech", "null", frame: 10);
        run.Change("host", "state", "idle", frame: 10);
        run.ComposeAt(13); // 3 of the 7.5 frames speech takes to go
        using var frame = GoldenImage.Copy(run.Compositor);
        GoldenImage.Check("host-bubble-leaving", frame);
    }

    [Fact]
    public void A_still_character_is_not_drawn_again_and_a_talking_one_only_when_its_frame_changes()
    {
        using var still = new CharacterRun(Backdrop, Host("""{ "state": "idle", "states": {{states}} }"""));
        using var talking = new CharacterRun(Backdrop, Host("""{ "state": "talking", "states": {{states}} }"""));
        still.ComposeAt(0);
        talking.ComposeAt(0);
        var stillRedraws = Enumerable.Range(1, 30).Count(f => still.Compositor.Compose(still.Scene, new FrameTime(f, 30)));
        var talkingRedraws = Enumerable.Range(1, 30).Count(f => talking.Compositor.Compose(talking.Scene, new FrameTime(f, 30)));
        Assert.Equal(0, stillRedraws);
        Assert.Equal(8, talkingRedraws); // 8 fps for one second
    }

    private const string Characters = "../layers/characters/";

    internal static LayerState Host(string props, double w = Width - 40) =>
        Layer("host", "host", Props(props, "auctioneer"), 20, 20, w, Height - 20);

    /// <summary>Fills {{states}} with the sample character's four states: a still, two sheets and a folder.</summary>
    internal static string Props(string props, string character) => props.Replace("{{states}}", $$"""
        { "idle": { "src": "{{Characters}}{{character}}/idle.png" },
          "talking": { "sheet": "{{Characters}}{{character}}/talking.png", "rows": 1, "cols": 4, "fps": 8 },
          "reacting": { "folder": "{{Characters}}{{character}}/reacting", "fps": 10, "playback": "once" },
          "celebrating": { "sheet": "{{Characters}}{{character}}/celebrating.png", "rows": 2, "cols": 2, "fps": 6, "playback": "pingpong" } }
        """);

    internal static bool SamePixels(SKBitmap a, SKBitmap b)
    {
        using (a)
        using (b)
            return a.GetPixelSpan().SequenceEqual(b.GetPixelSpan());
    }
}
