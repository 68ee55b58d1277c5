using System.Text.Json.Nodes;
using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// How a character and its speech look: which side of the box the character stands on and the colours of the bubble
/// and the lower third. Each layer type has defaults; props <c>side</c>, <c>bubbleColor</c>, <c>textColor</c> and
/// <c>accentColor</c> override them.
/// </summary>
internal sealed record CharacterLook(bool OnLeft, SKColor Bubble, SKColor Text, SKColor Accent, SKColor AccentText, SKColor Bar, SKColor BarText)
{
    public static readonly CharacterLook Host = new(true, new SKColor(0xff, 0xff, 0xff), new SKColor(0x1d, 0x1b, 0x2c),
        new SKColor(0xff, 0xd1, 0x66), new SKColor(0x1d, 0x1b, 0x2c), new SKColor(0x1f, 0x2f, 0x6b, 0xf2), new SKColor(0xff, 0xff, 0xff));

    public static readonly CharacterLook Assistant = new(false, new SKColor(0xd8, 0xf3, 0xef), new SKColor(0x0e, 0x3b, 0x36),
        new SKColor(0x1f, 0x9e, 0x8f), new SKColor(0xff, 0xff, 0xff), new SKColor(0x0f, 0x4c, 0x47, 0xf2), new SKColor(0xff, 0xff, 0xff));

    /// <summary>These defaults with the overrides in <paramref name="props"/>.</summary>
    public CharacterLook With(JsonObject props) => this with
    {
        OnLeft = Props.String(props, "side") switch
        {
            null => OnLeft,
            "left" => true,
            "right" => false,
            _ => throw Props.Bad("side", "\"left\" or \"right\"", props["side"]),
        },
        Bubble = Props.Color(props, "bubbleColor", Bubble),
        Text = Props.Color(props, "textColor", Text),
        Accent = Props.Color(props, "accentColor", Accent),
    };
}
