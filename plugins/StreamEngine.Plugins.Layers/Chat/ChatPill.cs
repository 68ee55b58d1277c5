using SkiaSharp;
using StreamEngine.Plugins.Layers.Text;

namespace StreamEngine.Plugins.Layers.Chat;

/// <summary>A small rounded label: an author's badge (MOD, SUB …) or a highlight's tag (a bid's amount).</summary>
internal sealed class ChatPill
{
    private readonly TextBlock _label;
    private readonly SKColor _background;
    private readonly float _padding;

    public ChatPill(string label, SKColor background, TextStyle style)
    {
        _label = TextBlock.Layout(label, style with { MaxLines = 1 }, float.PositiveInfinity);
        _background = background;
        _padding = style.Size * 0.45f;
        Width = _label.Width + 2 * _padding;
        Height = _label.Height;
    }

    public float Width { get; }

    public float Height { get; }

    /// <summary>Draws the pill with its left edge at <paramref name="x"/>, centred on <paramref name="centreY"/>.</summary>
    public void Draw(SKCanvas canvas, float x, float centreY)
    {
        using var paint = new SKPaint { Color = _background, IsAntialias = true };
        var top = centreY - Height / 2;
        canvas.DrawRoundRect(SKRect.Create(x, top, Width, Height), Height / 2, Height / 2, paint);
        _label.Draw(canvas, x + _padding, top);
    }

    /// <summary>The pill for an author badge; platform badge names map to short labels in their usual colors.</summary>
    public static ChatPill ForBadge(string badge, TextStyle style)
    {
        var (label, color) = badge.ToLowerInvariant() switch
        {
            "moderator" or "mod" => ("MOD", new SKColor(0x3D, 0xDC, 0x97)),
            "broadcaster" or "host" => ("HOST", new SKColor(0xE9, 0x45, 0x60)),
            "subscriber" or "sub" => ("SUB", new SKColor(0x91, 0x47, 0xFF)),
            "vip" => ("VIP", new SKColor(0xFF, 0x6B, 0xD6)),
            "verified" => ("✓", new SKColor(0x4C, 0xC9, 0xF0)),
            _ => (badge.Length <= 6 ? badge.ToUpperInvariant() : badge[..6].ToUpperInvariant(), new SKColor(0x8B, 0x94, 0x9E)),
        };
        return new ChatPill(label, color, style);
    }
}
