using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Auction;

/// <summary>
/// <c>countdown</c>: the time left on a lot as mm:ss with a bar (a wide box) or a ring (a square box) that empties as
/// <c>remaining</c> falls towards 0 out of <c>total</c>. Below <c>urgentBelow</c> seconds it turns the urgent color and
/// pulses gently, once a second. The pulse follows the frame index, so an offline render gives the same frames every time;
/// only then is the layer drawn every frame (otherwise only when its props change).
/// </summary>
public sealed class CountdownLayer : ILayerType
{
    public CountdownLayer() => _ = FontLibrary.All;

    public string Name => "countdown";

    public string? PropsSchema => PropsSchemas.Countdown;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer();

    private sealed class Renderer : IAnimatedLayerRenderer
    {
        private bool _pulsing;

        public long ContentVersionAt(FrameTime time) => _pulsing ? time.Index : -1;

        public void Render(LayerDrawContext context)
        {
            var props = context.Props;
            var remaining = Seconds(props, "remaining", 0);
            var total = Seconds(props, "total", 60);
            var urgentBelow = Seconds(props, "urgentBelow", 10);
            var urgent = remaining > 0 && remaining <= urgentBelow;
            _pulsing = urgent;
            // 0 → 1 → 0 once a second, from show time (frame index / fps), never the wall clock.
            var pulse = urgent ? (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * context.Time.Seconds)) : 0f;
            var look = new CountdownLook(
                Clock(remaining),
                Props.String(props, "label") ?? "TIME LEFT",
                total > 0 ? (float)Math.Clamp(remaining / total, 0, 1) : 0,
                urgent ? Props.Color(props, "urgentColor", new SKColor(0xff, 0x4d, 0x5e)) : Props.Color(props, "color", new SKColor(0xff, 0xd1, 0x66)),
                pulse);
            var box = SKRect.Create(context.Size.Width, context.Size.Height);
            var style = Props.String(props, "style") ?? (box.Width <= box.Height * 1.4f ? "ring" : "bar");
            switch (style)
            {
                case "ring": look.DrawRing(context.Canvas, box); break;
                case "bar": look.DrawBar(context.Canvas, box); break;
                default: throw Props.Bad("style", "bar or ring", props["style"]);
            }
        }

        public void Dispose() { }
    }

    private static double Seconds(System.Text.Json.Nodes.JsonObject props, string name, double fallback)
    {
        var value = Props.Number(props, name, fallback);
        return double.IsFinite(value) && value >= 0 && value <= 86400 ? value : throw Props.Bad(name, "seconds from 0 to 86400", props[name]);
    }

    /// <summary>mm:ss (h:mm:ss from an hour), rounded up: the clock shows 00:01 until the last second is over.</summary>
    internal static string Clock(double seconds)
    {
        var whole = (long)Math.Ceiling(seconds - 1e-9);
        return whole >= 3600 ? $"{whole / 3600}:{whole / 60 % 60:00}:{whole % 60:00}" : $"{whole / 60:00}:{whole % 60:00}";
    }
}
