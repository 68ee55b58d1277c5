using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Text;

/// <summary>
/// Reads a <see cref="TextStyle"/> from props: <c>color</c>, <c>font</c> {family, file, size, weight, style},
/// <c>align</c>, <c>lineHeight</c>, <c>letterSpacing</c>, <c>maxLines</c>, <c>ellipsis</c>, <c>outline</c> {color, width},
/// <c>shadow</c> (a color, or {color, dx, dy, blur}).
/// </summary>
internal static class TextProps
{
    /// <summary>The style, or null while the show's font file is still loading (draw nothing; the layer is drawn again when it is in).</summary>
    public static TextStyle? Read(JsonObject props, LayerContext layer, float defaultSize, SKColor defaultColor)
    {
        var font = Props.Object(props, "font") ?? [];
        if (Typeface(font, layer) is not { } typeface) return null;
        var size = (float)Props.Number(font, "font.size", defaultSize);
        if (size <= 0) throw Props.Bad("font.size", "a size in pixels above 0", font["size"]);
        var lineHeight = (float)Props.Number(props, "lineHeight", 1.2);
        if (lineHeight <= 0) throw Props.Bad("lineHeight", "a multiple of the font size above 0", props["lineHeight"]);
        return new TextStyle(
            typeface,
            size,
            Props.Color(props, "color", defaultColor),
            Align(props),
            lineHeight,
            (float)Props.Number(props, "letterSpacing", 0),
            Props.Integer(props, "maxLines", 0, 0, 1000),
            Props.String(props, "ellipsis") ?? "…",
            Outline(props),
            Shadow(props, size));
    }

    /// <summary>A font file shipped with the show (through the shared resource cache), else an installed family.</summary>
    /// <param name="font">The <c>font</c> object of the props.</param>
    /// <param name="layer">The layer, for the resource cache and the show's folder.</param>
    /// <param name="weight">A weight to use instead of the props' (bold author names); ignored for a font file.</param>
    public static SKTypeface? Typeface(JsonObject font, LayerContext layer, int? weight = null)
    {
        if (Props.String(font, "font.file") is { } file) return layer.Resources.Typeface(layer.ResolveAsset(file)).ValueOrThrow();
        var style = Props.String(font, "font.style") ?? "normal";
        if (style is not ("normal" or "italic")) throw Props.Bad("font.style", "normal or italic", font["style"]);
        weight ??= Props.Integer(font, "font.weight", 400, 100, 1000);
        return FontLibrary.Find(Props.String(font, "font.family") ?? "sans", weight.Value, style == "italic");
    }

    private static TextAlign Align(JsonObject props) =>
        Props.String(props, "align") switch
        {
            null or "left" => TextAlign.Left,
            "center" => TextAlign.Center,
            "right" => TextAlign.Right,
            "start" => TextAlign.Start,
            _ => throw Props.Bad("align", "left, center, right or start", props["align"]),
        };

    private static TextOutline? Outline(JsonObject props) =>
        Props.Object(props, "outline") is { } o
            ? new TextOutline(Props.Color(o, "outline.color", SKColors.Black), (float)Props.Number(o, "outline.width", 2))
            : null;

    /// <summary>A plain color is a hard shadow offset down-right by a sixteenth of the size.</summary>
    private static TextShadow? Shadow(JsonObject props, float size) =>
        props["shadow"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => new TextShadow(Props.Color(props, "shadow", SKColors.Black), size / 16, size / 16, 0),
            JsonObject s => new TextShadow(Props.Color(s, "shadow.color", SKColors.Black),
                (float)Props.Number(s, "shadow.dx", size / 16), (float)Props.Number(s, "shadow.dy", size / 16), (float)Props.Number(s, "shadow.blur", 0)),
            var other => throw Props.Bad("shadow", "a color or { color, dx, dy, blur }", other),
        };
}
