using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Auction;

/// <summary>
/// <c>confetti</c>: a celebration burst — paper pieces shot up from the two bottom corners and raining from the top, that
/// tumble and flutter down.
/// Every piece is a pure function of <c>progress</c> (0 to 1, which a tween drives over about 2.5 s) and <c>seed</c>,
/// so the same props give the same picture in any render. Props: <c>progress</c>, <c>seed</c>, <c>count</c>,
/// <c>colors</c> (default a festive palette). Nothing is drawn at progress 0; the pieces fade out over the last fifth.
/// </summary>
public sealed class ConfettiLayer : ILayerType
{
    private static readonly SKColor[] Palette =
    [
        new(0xff, 0xd1, 0x66), new(0xef, 0x47, 0x6f), new(0x06, 0xd6, 0xa0), new(0x11, 0x8a, 0xb2),
        new(0xf7, 0x8c, 0x6b), new(0xff, 0xff, 0xff), new(0xc7, 0x7d, 0xff),
    ];

    /// <summary>The seconds of motion that progress 0 → 1 covers; the physics below is tuned for it.</summary>
    private const float Duration = 2.5f;

    public string Name => "confetti";

    public string? PropsSchema => PropsSchemas.Confetti;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer();

    private sealed class Renderer : ILayerRenderer
    {
        public void Render(LayerDrawContext context)
        {
            var props = context.Props;
            var progress = Props.Number(props, "progress", 0);
            if (!double.IsFinite(progress)) throw Props.Bad("progress", "a number from 0 to 1", props["progress"]);
            var seed = Props.Integer(props, "seed", 1, 0, int.MaxValue);
            var count = Props.Integer(props, "count", 180, 1, 2000);
            var colors = Props.Strings(props, "colors").Select((c, i) => Props.ParseColor(c, $"props.colors[{i}]")).ToArray();
            Draw(context.Canvas, context.Size, (float)Math.Clamp(progress, 0, 1), seed, count, colors.Length > 0 ? colors : Palette);
        }

        public void Dispose() { }
    }

    private static void Draw(SKCanvas canvas, SKSizeI size, float progress, int seed, int count, SKColor[] colors)
    {
        if (progress <= 0) return;
        var (w, h) = ((float)size.Width, (float)size.Height);
        var unit = h / 720f;
        var t = progress * Duration;
        var fade = progress > 0.8f ? (1 - progress) / 0.2f : 1f;
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < count; i++)
        {
            var r = new PieceRandom(seed, i);
            var delay = r.Next();
            var flutter = MathF.Sin(t * (4 + r.Next() * 5) + r.Next() * 6) * (8 + r.Next() * 14) * unit;
            var drag = 1.4f + r.Next() * 0.9f;
            var terminal = h * 1.25f / drag;
            float x, y, local;
            if (i % 3 == 2)
            {
                // A third rains from above the frame across its width, so the whole picture celebrates.
                local = t - delay * 0.9f;
                x = r.Next() * w + flutter;
                y = -20 * unit + terminal * 0.55f * local;
            }
            else
            {
                // The rest are shot up from the two bottom corners over the first third of a second. Linear drag slows a
                // piece towards a terminal fall speed of gravity / drag, as paper does.
                local = t - delay * 0.35f;
                var left = i % 3 == 0;
                var angle = (48 + r.Next() * 40) * MathF.PI / 180;
                var speed = h * (1.2f + r.Next() * 1.6f);
                var decay = (1 - MathF.Exp(-drag * Math.Max(0, local))) / drag;
                x = (left ? w * 0.03f : w * 0.97f) + speed * MathF.Cos(angle) * (left ? 1 : -1) * decay + flutter;
                y = h * 1.02f + terminal * local + (-speed * MathF.Sin(angle) - terminal) * decay;
            }
            if (local <= 0 || x < -20 * unit || x > w + 20 * unit || y > h + 20 * unit) continue;
            paint.Color = colors[(int)(r.Next() * colors.Length) % colors.Length].WithAlpha((byte)(255 * fade));
            canvas.Save();
            canvas.Translate(x, y);
            canvas.RotateDegrees(r.Next() * 360 + local * (r.Next() - 0.5f) * 720);
            // The tumble: a flat piece seen edge-on every half turn.
            canvas.Scale(1, MathF.Cos(local * (4 + r.Next() * 6) + r.Next() * 6));
            if (r.Next() < 0.25f) canvas.DrawCircle(0, 0, (3.5f + r.Next() * 3) * unit, paint);
            else
            {
                var (pw, ph) = ((10 + r.Next() * 8) * unit, (5 + r.Next() * 4) * unit);
                canvas.DrawRect(-pw / 2, -ph / 2, pw, ph, paint);
            }
            canvas.Restore();
        }
    }

    /// <summary>A small deterministic stream of numbers in [0, 1) per piece (SplitMix64), the same on every machine.</summary>
    private struct PieceRandom(int seed, int piece)
    {
        private ulong _state = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)piece * 0xBF58476D1CE4E5B9UL;

        public float Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (float)((z ^ (z >> 31)) >> 40) / (1 << 24);
        }
    }
}
