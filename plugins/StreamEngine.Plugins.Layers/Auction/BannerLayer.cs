using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Auction;

/// <summary>
/// <c>banner</c>: a broadcast banner for the auction's moments — a slanted ribbon in the moment's color (the same as the
/// price card's status chip) with large spaced capitals: GOING ONCE, GOING TWICE, SOLD!, PASSED, or any <c>text</c>
/// (<c>style</c> info). An optional <c>subtext</c> line sits under it ("to pixel_painter for $1,250"). Text that is too
/// wide is set smaller, never cut. Bring it in with the slideIn and scaleIn effects.
/// </summary>
public sealed class BannerLayer : ILayerType
{
    private static readonly Dictionary<string, string> Words = new()
    {
        ["once"] = "GOING ONCE", ["twice"] = "GOING TWICE", ["sold"] = "SOLD!", ["passed"] = "PASSED", ["info"] = "",
    };

    public BannerLayer() => _ = FontLibrary.All;

    public string Name => "banner";

    public string? PropsSchema => PropsSchemas.Banner;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer();

    private sealed class Renderer : ILayerRenderer
    {
        public void Render(LayerDrawContext context)
        {
            var name = (Props.String(context.Props, "style") ?? "info").Trim().ToLowerInvariant();
            if (!Words.TryGetValue(name, out var words)) throw Props.Bad("style", "once, twice, sold, passed or info", context.Props["style"]);
            var status = LotStatus.Known[name];
            var text = Props.String(context.Props, "text") ?? words;
            Draw(context.Canvas, SKRect.Create(context.Size.Width, context.Size.Height), text, Props.String(context.Props, "subtext") ?? "", status);
        }

        public void Dispose() { }
    }

    private static void Draw(SKCanvas canvas, SKRect box, string text, string subtext, LotStatus status)
    {
        if (box.Width < 8 || box.Height < 8) return;
        var h = box.Height;
        var slant = h * 0.32f;
        using var builder = new SKPathBuilder();
        builder.AddPoly([new(box.Left + slant, box.Top), new(box.Right, box.Top), new(box.Right - slant, box.Bottom), new(box.Left, box.Bottom)], close: true);
        using var ribbon = builder.Detach();
        var dark = Shade(status.Color, 0.62f);
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(box.Left, 0), new SKPoint(box.Right, 0),
                   [dark, status.Color, status.Color, dark], [0, 0.3f, 0.7f, 1], SKShaderTileMode.Clamp))
        using (var fill = new SKPaint { Shader = shader, IsAntialias = true })
            canvas.DrawPath(ribbon, fill);
        // A sheen over the top half and a light rule at each edge: the ribbon reads as a solid broadcast bar.
        canvas.Save();
        canvas.ClipPath(ribbon, antialias: true);
        using (var sheen = new SKPaint { Color = SKColors.White.WithAlpha(0x22) })
            canvas.DrawRect(SKRect.Create(box.Left, box.Top, box.Width, h * 0.45f), sheen);
        using (var edge = new SKPaint { Color = SKColors.White.WithAlpha(0x70) })
        {
            canvas.DrawRect(SKRect.Create(box.Left, box.Top, box.Width, Math.Max(1.5f, h * 0.025f)), edge);
            canvas.DrawRect(SKRect.Create(box.Left, box.Bottom - Math.Max(1.5f, h * 0.025f), box.Width, Math.Max(1.5f, h * 0.025f)), edge);
        }
        canvas.Restore();

        var room = box.Width - slant * 2 - h * 0.4f;
        var hasSub = subtext.Length > 0;
        var mainSize = h * (hasSub ? 0.46f : 0.56f);
        var main = AuctionText.Line(text, AuctionText.Style(900, mainSize, status.Ink, mainSize * 0.12f) with
            { Shadow = new Text.TextShadow(SKColors.Black.WithAlpha(0x40), 0, h * 0.025f, h * 0.02f) }, room);
        var sub = hasSub ? AuctionText.Line(subtext, AuctionText.Style(600, h * 0.2f, status.Ink.WithAlpha(0xe0)), room) : null;
        var blockHeight = main.Height * 0.9f + (sub?.Height ?? 0);
        var top = box.MidY - blockHeight / 2;
        main.Draw(canvas, box.MidX - main.Width / 2 + main.LineHeight / 1.2f * 0.06f, top - main.Height * 0.03f);
        sub?.Draw(canvas, box.MidX - sub.Width / 2, top + main.Height * 0.9f);
    }

    private static SKColor Shade(SKColor color, float factor) =>
        new((byte)(color.Red * factor), (byte)(color.Green * factor), (byte)(color.Blue * factor), color.Alpha);
}
