using SkiaSharp;
using StreamEngine.Plugins.Layers.Text;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Layers.Chat;

/// <summary>
/// One chat message laid out as a card: badge pills and the author's name in their color on the first line (with a
/// highlight's tag at the right end), the text below. Laid out once when the message appears, then only drawn.
/// </summary>
internal sealed class ChatCard
{
    private static readonly SKColor[] AuthorColors =
        [new(0xFF, 0x8A, 0x65), new(0x4F, 0xC3, 0xF7), new(0xAE, 0xD5, 0x81), new(0xFF, 0xD5, 0x4F),
         new(0xF0, 0x62, 0x92), new(0xBA, 0x68, 0xC8), new(0x4D, 0xD0, 0xE1), new(0xFF, 0xB7, 0x4D)];

    private readonly ChatStyle _style;
    private readonly ChatHighlight? _highlight;
    private readonly IReadOnlyList<ChatPill> _badges;
    private readonly ChatPill? _tag;
    private readonly TextBlock _author;
    private readonly TextBlock _text;
    private readonly float _rowHeight;
    private readonly float _accentWidth;

    public ChatCard(ChatMessage message, ChatStyle style, float width)
    {
        _style = style;
        Width = width;
        _highlight = ChatHighlight.For(message, style.Mentions);
        _accentWidth = _highlight is null ? 0 : MathF.Max(3, style.Text.Size * 0.22f);
        var inner = width - 2 * style.Padding - _accentWidth;
        var small = style.Author with { Size = style.Text.Size * 0.68f, Color = new SKColor(0x10, 0x12, 0x16) };
        _badges = message.Badges.Select(b => ChatPill.ForBadge(b, small)).ToList();
        if (_highlight?.Tag is { } tag)
            _tag = new ChatPill(tag, _highlight.Accent, _highlight.LargeTag ? small with { Size = style.Text.Size * 0.9f } : small);
        var pills = _badges.Sum(b => b.Width + style.Gap / 2) + (_tag is null ? 0 : _tag.Width + style.Gap);
        _author = TextBlock.Layout(message.Author, style.Author with { Color = AuthorColor(message) }, MathF.Max(style.Text.Size, inner - pills));
        _text = TextBlock.Layout(message.Text, style.Text, inner);
        _rowHeight = MathF.Max(_author.Height, _tag?.Height ?? 0);
        Height = 2 * style.Padding + _rowHeight + style.Text.Size * 0.15f + _text.Height;
    }

    public float Width { get; }

    public float Height { get; }

    public void Draw(SKCanvas canvas, float x, float y, float opacity)
    {
        if (opacity <= 0) return;
        var box = SKRect.Create(x, y, Width, Height);
        using var fade = opacity < 1 ? new SKPaint { Color = SKColors.White.WithAlpha((byte)Math.Round(opacity * 255)) } : null;
        // Bounded to the card: an unbounded layer would be a whole-box offscreen for every fading card.
        if (fade is not null) canvas.SaveLayer(SKRect.Inflate(box, 2, 2), fade);
        DrawBackground(canvas, box);
        var left = x + _accentWidth + _style.Padding;
        var top = y + _style.Padding;
        var centre = top + _rowHeight / 2;
        foreach (var badge in _badges)
        {
            badge.Draw(canvas, left, centre);
            left += badge.Width + _style.Gap / 2;
        }
        _author.Draw(canvas, left, centre - _author.Height / 2);
        _tag?.Draw(canvas, x + Width - _style.Padding - _tag.Width, centre);
        _text.Draw(canvas, x + _accentWidth + _style.Padding, top + _rowHeight + _style.Text.Size * 0.15f);
        if (fade is not null) canvas.Restore();
    }

    private void DrawBackground(SKCanvas canvas, SKRect box)
    {
        var radius = _style.Text.Size * 0.5f;
        using var paint = new SKPaint { Color = _style.Card, IsAntialias = true };
        canvas.DrawRoundRect(box, radius, radius, paint);
        if (_highlight is null) return;
        // A highlighted card: tinted, outlined and with a bar in its accent color on the left.
        paint.Color = _highlight.Accent.WithAlpha(0x2E);
        canvas.DrawRoundRect(box, radius, radius, paint);
        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(box, radius, radius), antialias: true);
        paint.Color = _highlight.Accent;
        canvas.DrawRect(SKRect.Create(box.Left, box.Top, _accentWidth, box.Height), paint);
        canvas.Restore();
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = MathF.Max(1, _style.Text.Size * 0.08f);
        paint.Color = _highlight.Accent.WithAlpha(0xB0);
        canvas.DrawRoundRect(box, radius, radius, paint);
    }

    /// <summary>The platform's color for the author, else one picked from the author's name (the same every show).</summary>
    private static SKColor AuthorColor(ChatMessage message)
    {
        if (message.Color is { } text && ColorText.TryParse(text, out var color)) return color;
        var hash = 2166136261u;
        foreach (var c in message.Author) hash = (hash ^ c) * 16777619u;
        return AuthorColors[hash % AuthorColors.Length];
    }
}
