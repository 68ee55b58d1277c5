using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Plugins.Layers.Text;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Chat;

/// <summary>The chat layer's props, read once per render.</summary>
internal sealed record ChatStyle(
    SKRect Column,
    int MaxVisible,
    TextStyle Text,
    TextStyle Author,
    SKColor Card,
    double EnterSeconds,
    IReadOnlyList<string> Mentions)
{
    /// <summary>Space between cards and around the column, and inside a card: fractions of the font size.</summary>
    public float Gap => Text.Size * 0.45f;

    public float Padding => Text.Size * 0.6f;

    /// <summary>The style, or null while the show's font file loads.</summary>
    public static ChatStyle? Read(JsonObject props, LayerContext layer, SKSizeI size)
    {
        var font = Props.Object(props, "font") ?? [];
        var fontSize = (float)Props.Number(font, "font.size", Math.Clamp(size.Height / 40.0, 12, 40));
        if (TextProps.Typeface(font, layer) is not { } typeface) return null;
        var bold = TextProps.Typeface(font, layer, weight: 700) ?? typeface;
        var text = new TextStyle(typeface, fontSize, Props.Color(props, "color", new SKColor(0xF2, 0xF2, 0xF2)),
            Align: TextAlign.Start, LineHeight: 1.25f, MaxLines: Props.Integer(props, "maxLines", 3, 1, 50));
        var author = text with { Typeface = bold, MaxLines = 1, Align = TextAlign.Left };
        var enter = Props.Number(props, "enter", 0.3);
        if (enter is < 0 or > 10) throw Props.Bad("enter", "seconds from 0 to 10", props["enter"]);
        return new ChatStyle(ReadColumn(props, size), Props.Integer(props, "maxVisible", 10, 1, 100), text, author,
            Props.Color(props, "card", new SKColor(0x0D, 0x11, 0x17, 0xC8)), enter, Props.Strings(props, "mentions"));
    }

    /// <summary>
    /// Where the cards go. A box shaped like a frame (wider than 3:2, such as a full-frame layer) gets a column at one
    /// side, 25% of its width by default; a narrower box is filled. <c>column: "fill"</c> always fills the box.
    /// </summary>
    private static SKRect ReadColumn(JsonObject props, SKSizeI size)
    {
        var full = SKRect.Create(size.Width, size.Height);
        if (props["column"] is JsonValue v && v.TryGetValue<string>(out var text))
            return text == "fill" ? full : throw Props.Bad("column", "\"fill\" or { side, width }", props["column"]);
        var column = Props.Object(props, "column");
        if (column is null && size.Width <= size.Height * 1.5) return full;
        column ??= [];
        var fraction = (float)Props.Number(column, "column.width", 0.25);
        if (fraction is <= 0 or > 1) throw Props.Bad("column.width", "a fraction of the box width above 0, at most 1", column["width"]);
        var width = size.Width * fraction;
        return (Props.String(column, "column.side") ?? "right") switch
        {
            "right" => new SKRect(size.Width - width, 0, size.Width, size.Height),
            "left" => new SKRect(0, 0, width, size.Height),
            _ => throw Props.Bad("column.side", "left or right", column["side"]),
        };
    }
}
