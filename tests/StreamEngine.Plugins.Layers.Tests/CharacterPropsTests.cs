using StreamEngine.Core.Rendering;
using static StreamEngine.Plugins.Layers.Tests.CharacterGoldenTests;
using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>How a character layer reads its props: shorthands, fallbacks, errors naming the field, and a reload.</summary>
public sealed class CharacterPropsTests
{
    [Fact]
    public void A_state_with_no_idle_to_fall_back_to_names_the_problem()
    {
        using var run = new CharacterRun(Host("""{ "state": "dancing", "states": { "talking": { "src": "x.png" } } }"""));
        Assert.Contains("props.state: 'dancing' is not in props.states (talking) and there is no 'idle' state to fall back to", run.ErrorAt(0));
    }

    [Theory]
    [InlineData("""{ "states": { "idle": { "src": 5 } } }""", "props.states.idle.src: expected a string, got 5")]
    [InlineData("""{ "states": { "idle": {} } }""", "props.states.idle: expected \"src\" (an image, GIF or WebP), \"sheet\" (a sprite sheet with rows and cols) or \"folder\" (a folder of frames)")]
    [InlineData("""{ "states": { "idle": { "sheet": "x.png", "rows": 0 } } }""", "props.states.idle.rows: expected a number above 0, got 0")]
    [InlineData("""{ "states": { "idle": { "sheet": "x.png", "cols": 2, "frames": 3 } } }""", "props.states.idle.frames: a 1x2 sheet holds at most 2 frames, got 3")]
    [InlineData("""{ "states": { "idle": { "src": "x.png", "playback": "backwards" } } }""", "props.states.idle.playback: expected \"loop\", \"once\" or \"pingpong\", got \"backwards\"")]
    [InlineData("""{ "src": "x.png", "speech": { "text": "hi", "style": "shout" } }""", "props.speech.style: expected \"bubble\" or \"lowerThird\", got \"shout\"")]
    [InlineData("""{ "src": "x.png", "transition": { "type": "spin" } }""", "props.transition.type: expected \"fade\", \"slide\" or \"cut\", got \"spin\"")]
    [InlineData("""{ "src": "x.png", "transition": { "duration": "long" } }""", "props.transition.duration: expected a number, got \"long\"")]
    [InlineData("""{ "src": "x.png", "side": "up" }""", "props.side: expected \"left\" or \"right\", got \"up\"")]
    public void A_bad_prop_is_named_with_its_path(string props, string error)
    {
        using var run = new CharacterRun(Host(props));
        Assert.Contains(error, run.ErrorAt(0));
    }

    [Fact]
    public void A_missing_image_shows_the_error_with_the_file()
    {
        using var run = new CharacterRun(Host("""{ "states": { "idle": { "src": "no-such-host.png" } } }"""));
        Assert.Contains("no-such-host.png", run.ErrorAt(0));
    }

    [Fact]
    public void Without_states_the_props_are_one_source_for_every_state() =>
        Assert.True(SamePixels(
            GoldenImage.Render(Width, Height, [Backdrop, Host("""{ "state": "talking", "sheet": "../layers/characters/auctioneer/talking.png", "cols": 4, "fps": 8 }""")], 8),
            GoldenImage.Render(Width, Height, [Backdrop, Host("""{ "state": "talking", "states": {{states}} }""")], 8)));

    [Fact]
    public void A_renderer_recreated_by_a_plugin_reload_shows_the_state_at_once_without_a_transition()
    {
        var types = new ReloadingTypes();
        using var reloaded = new CharacterRun(types, Backdrop, Host("""{ "state": "idle", "states": {{states}}, "transition": { "type": "fade", "duration": 1 } }"""));
        reloaded.ComposeAt(0);
        reloaded.Change("host", "state", "celebrating", frame: 30);
        types.Generation++; // mid-transition, the plugin is reloaded
        reloaded.ComposeAt(33);
        using var fresh = new CharacterRun(Backdrop, Host("""{ "state": "celebrating", "states": {{states}}, "transition": { "type": "fade", "duration": 1 } }"""));
        fresh.ComposeAt(33);

        Assert.True(SamePixels(GoldenImage.Copy(reloaded.Compositor), GoldenImage.Copy(fresh.Compositor)));
    }

    /// <summary>The plugin's layer types with a generation a test can bump, as a plugin reload does.</summary>
    private sealed class ReloadingTypes : ILayerTypeCatalog
    {
        private readonly GoldenImage.LayerTypes _types = new();

        public long Generation { get; set; }

        public Sdk.ILayerType? Find(string typeName) => _types.Find(typeName);
    }
}
