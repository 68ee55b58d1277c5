using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;
using StreamEngine.Toolkit;

namespace AuctionCountdown;

/// <summary>
/// <c>auction.countdown</c>: the time left on a lot as a seven-segment <c>M:SS</c> clock over a bar that empties,
/// turning to the warning color in the last seconds. Props: <c>endsAt</c> (show time in seconds when the lot
/// closes), <c>duration</c> (the bar's full length, seconds), <c>color</c>, <c>warnColor</c>, <c>warnBelow</c>
/// (seconds), <c>background</c>. Drawn from shapes only, so it looks the same on every machine.
/// </summary>
public sealed class CountdownLayer : ILayerType
{
    /// <inheritdoc />
    public string Name => "auction.countdown";

    /// <inheritdoc />
    public string? PropsSchema => """
        { "type": "object", "properties": {
            "endsAt": { "type": "number", "minimum": 0, "default": 60 },
            "duration": { "type": "number", "exclusiveMinimum": 0, "default": 60 },
            "color": { "type": "string", "format": "color", "default": "#ffd166" },
            "warnColor": { "type": "string", "format": "color", "default": "#e94560" },
            "warnBelow": { "type": "number", "minimum": 0, "default": 10 },
            "background": { "type": "string", "format": "color", "default": "#1a1a2ecc" } } }
        """;

    /// <inheritdoc />
    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer();

    private sealed class Renderer : IAnimatedLayerRenderer
    {
        private JsonObject? _props;

        // The content changes once a second: the engine draws it again only then.
        public long ContentVersionAt(FrameTime time) => _props is null ? 0 : (long)Math.Ceiling(Countdown.Left(_props, time.Seconds));

        public void Render(LayerDrawContext context)
        {
            _props = context.Props;
            var left = Countdown.Left(context.Props, context.Time.Seconds);
            var full = Math.Clamp(Countdown.Number(context.Props, "duration", 60, 0.001, 86_400), 0.001, 86_400);
            var warn = left <= Countdown.Number(context.Props, "warnBelow", 10, 0, 86_400);
            var color = Countdown.Color(context.Props, warn ? "warnColor" : "color", warn ? "#e94560" : "#ffd166");
            var (width, height) = (context.Size.Width, context.Size.Height);
            var seconds = (int)Math.Ceiling(left); // whole seconds: the picture changes when ContentVersionAt does
            using var paint = new SKPaint { IsAntialias = true, Color = Countdown.Color(context.Props, "background", "#1a1a2ecc") };
            context.Canvas.DrawRoundRect(new SKRect(0, 0, width, height), height * 0.12f, height * 0.12f, paint);
            paint.Color = color;
            SevenSegment.Draw(context.Canvas, $"{seconds / 60}:{seconds % 60:00}", new SKRect(width * 0.08f, height * 0.1f, width * 0.92f, height * 0.72f), paint);
            var bar = new SKRect(width * 0.08f, height * 0.8f, width * 0.92f, height * 0.9f);
            paint.Color = color.WithAlpha(70);
            context.Canvas.DrawRect(bar, paint);
            paint.Color = color;
            context.Canvas.DrawRect(new SKRect(bar.Left, bar.Top, bar.Left + bar.Width * (float)Math.Clamp(seconds / full, 0, 1), bar.Bottom), paint);
        }

        public void Dispose() { }
    }
}

/// <summary>Reading the countdown's props: every number finite and within its range, colors through the toolkit.</summary>
internal static class Countdown
{
    public static double Left(JsonObject props, double now) =>
        double.IsFinite(now) ? Math.Max(0, Number(props, "endsAt", 60, 0, 86_400 * 7) - now) : 0;

    public static double Number(JsonObject props, string name, double fallback, double min, double max) =>
        // A number from a scene file or the API (text) or from a script (an int, a double …): all the same here.
        props[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? Math.Clamp(d, min, max) : fallback;

    public static SKColor Color(JsonObject props, string name, string fallback) =>
        props[name] is JsonValue v && v.TryGetValue<string>(out var text) && ColorText.TryParse(text, out var color) ? color
            : ColorText.TryParse(fallback, out var standard) ? standard : SKColors.White;
}
