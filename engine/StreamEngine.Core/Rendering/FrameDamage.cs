using SkiaSharp;

namespace StreamEngine.Core.Rendering;

/// <summary>
/// Which part of the frame a new composition has to draw: the area of every layer that appeared, went, moved, faded
/// or got a new raster since the last composed frame (where it was and where it is). Layers that stay as they were
/// are not drawn again, and when only a countdown or a chat line changes only their rectangle is cleared and
/// composed. A change of order, a transition or the first frame draws everything. It also keeps which rows the last
/// few frames changed, so a frame buffer that holds an earlier frame gets only those rows copied.
/// </summary>
internal sealed class FrameDamage
{
    private const int History = 8;
    private Dictionary<string, Look> _drawn = new(StringComparer.Ordinal);
    private List<string> _order = [];
    private readonly Queue<(long Version, int Top, int Bottom)> _rows = new();

    /// <summary>How a layer was drawn: the raster, where, how opaque, and the pixels it covered.</summary>
    public readonly record struct Look(SKImage Raster, SKMatrix Matrix, byte Alpha, SKRectI Bounds);

    /// <summary>
    /// The rectangle to compose for these layers (bottom first), given the last composed frame: empty when nothing
    /// changed, the whole frame when <paramref name="everything"/> or the order changed.
    /// </summary>
    public SKRectI Next(IReadOnlyList<(string Id, Look Look)> layers, SKRectI frame, bool everything)
    {
        var damage = SKRectI.Empty;
        var order = layers.Select(l => l.Id).ToList();
        if (everything || !order.SequenceEqual(_order)) damage = frame;
        else
        {
            foreach (var (id, look) in layers)
                if (!_drawn.TryGetValue(id, out var was)) Add(ref damage, look.Bounds);
                else if (!ReferenceEquals(was.Raster, look.Raster) || was.Matrix != look.Matrix || was.Alpha != look.Alpha)
                {
                    Add(ref damage, was.Bounds);
                    Add(ref damage, look.Bounds);
                }
            var now = order.ToHashSet(StringComparer.Ordinal);
            foreach (var (id, was) in _drawn)
                if (!now.Contains(id)) Add(ref damage, was.Bounds);
        }
        _drawn = layers.ToDictionary(l => l.Id, l => l.Look, StringComparer.Ordinal);
        _order = order;
        if (!damage.IntersectsWith(frame)) return SKRectI.Empty;
        damage.Intersect(frame);
        return damage;
    }

    /// <summary>Frame <paramref name="version"/> changed these rows (after composing it).</summary>
    public void Composed(long version, SKRectI damage)
    {
        _rows.Enqueue((version, damage.Top, damage.Bottom));
        if (_rows.Count > History) _rows.Dequeue();
    }

    /// <summary>
    /// The rows that differ between frame <paramref name="from"/> and frame <paramref name="to"/>, or null when that
    /// is not known any more (copy the whole frame).
    /// </summary>
    public (int Top, int Bottom)? RowsChanged(long from, long to)
    {
        if (from < 0 || to - from > History) return null;
        var (top, bottom, found) = (int.MaxValue, int.MinValue, 0L);
        foreach (var (version, t, b) in _rows)
        {
            if (version <= from || version > to) continue;
            (top, bottom, found) = (Math.Min(top, t), Math.Max(bottom, b), found + 1);
        }
        return found == to - from ? (top, bottom) : null;
    }

    /// <summary>The pixels a raster covers when drawn with <paramref name="matrix"/>, with a margin for the smoothing at its edges.</summary>
    public static SKRectI Bounds(SKImage raster, SKMatrix matrix)
    {
        var mapped = matrix.MapRect(new SKRect(0, 0, raster.Width, raster.Height));
        var rounded = SKRectI.Round(SKRect.Inflate(mapped, 2, 2));
        return SKRectI.Inflate(rounded, 1, 1);
    }

    private static void Add(ref SKRectI damage, SKRectI rect)
    {
        if (rect.IsEmpty) return;
        damage = damage.IsEmpty ? rect : SKRectI.Union(damage, rect);
    }
}
