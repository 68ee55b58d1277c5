using SkiaSharp;
using StreamEngine.Plugins.Layers.Text;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// <c>overlay.text</c>: text shaped with HarfBuzz (any script, emoji) and wrapped to the layer's width.
/// Props: <c>text</c>; <c>color</c> (default white);
/// <c>font</c> {<c>family</c> (sans, serif, mono or an installed family name), <c>file</c> (a TTF/OTF file shipped with
/// the show, relative to the scene file; overrides family), <c>size</c> (pixels, default 32), <c>weight</c> (100-900,
/// default 400), <c>style</c> (normal, italic)};
/// <c>align</c> (left, center, right, or start: right for right-to-left text such as Arabic); <c>lineHeight</c> (multiple of the size, default 1.2);
/// <c>letterSpacing</c> (extra pixels after each character, default 0); <c>maxLines</c> (0 = no limit) with
/// <c>ellipsis</c> (what ends cut text, default "…"); <c>outline</c> {<c>color</c>, <c>width</c> (pixels, default 2)};
/// <c>shadow</c> (a color for a hard shadow, or {<c>color</c>, <c>dx</c>, <c>dy</c>, <c>blur</c>});
/// <c>background</c> (a rounded plate hugging the text: a color, or {<c>color</c>, <c>radius</c>, <c>padding</c>, <c>border</c>}).
/// Characters the font lacks are drawn with an installed font that has them.
/// </summary>
public sealed class TextLayer : ILayerType
{
    /// <summary>
    /// The plugin loader creates layer types while it loads the plugin, off the frame thread (at start-up and on a hot
    /// reload); the installed fonts are scanned then, so no frame waits for the scan.
    /// </summary>
    public TextLayer() => _ = FontLibrary.All;

    public string Name => "overlay.text";

    public string? PropsSchema => PropsSchemas.Text;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer(context);

    private sealed class Renderer(LayerContext layer) : ILayerRenderer
    {
        public void Render(LayerDrawContext context)
        {
            if (TextProps.Read(context.Props, layer, 32, SKColors.White) is not { } style) return;
            var text = Props.String(context.Props, "text") ?? "";
            if (TextPlate.Read(context.Props) is not { } plate)
            {
                TextBlock.Layout(text, style, context.Size.Width).Draw(context.Canvas, 0, 0);
                return;
            }
            var block = TextBlock.Layout(text, style, Math.Max(1, context.Size.Width - 2 * plate.Padding));
            plate.Draw(context.Canvas, block, style.Align, context.Size.Width);
            block.Draw(context.Canvas, plate.Padding, plate.Padding);
        }

        public void Dispose() { }
    }
}
