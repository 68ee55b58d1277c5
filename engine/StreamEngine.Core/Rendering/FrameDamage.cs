using SkiaSharp;

namespace StreamEngine.Core.Rendering;

/// <summary>
/// Which parts of the frame a new composition has to draw: the area of every layer that appeared, went, moved, faded
/// or got a new raster since the last composed frame (where it was and where it is), as a few separate rectangles.
/// Layers that stay as they were are not drawn again, and when only a countdown bar in one corner and a sprite in
/// another change, only their two rectangles are cleared and composed, not the box around both. A change of order, a
/// transition or the first frame draws everything. It also keeps what the last few frames changed, so a frame buffer
/// (or the encoder's converted copy) that holds an earlier frame is brought up to date in those rectangles only.
/// </summary>
internal sealed class FrameDamage
{
    private const int History = 8;
    private Dictionary<string, Look> _drawn = new(StringComparer.Ordinal);
    private List<string> _order = [];
    private readonly Queue<(long Version, SKRectI[] Rects)> _changes = new();

    /// <summary>
    /// How a layer was drawn: the raster, where, how opaque, and the pixels it covered; <paramref name="Change"/> is the
    /// raster this one replaced and where they differ, when known (<see cref="LayerSlot.Change"/>).
    /// </summary>
    public readonly record struct Look(SKImage Raster, SKMatrix Matrix, byte Alpha, SKRectI Bounds, (SKImage From, SKRectI Area)? Change = null);

    /// <summary>
    /// The rectangles to compose for these layers (bottom first), given the last composed frame, within
    /// <paramref name="frame"/> and apart from each other: none when nothing changed, the whole frame when
    /// <paramref name="everything"/> or the order changed.
    /// </summary>
    public List<SKRectI> Next(IReadOnlyList<(string Id, Look Look)> layers, SKRectI frame, bool everything)
    {
        var damage = new List<SKRectI>();
        var order = layers.Select(l => l.Id).ToList();
        if (everything || !order.SequenceEqual(_order)) damage.Add(frame);
        else
        {
            foreach (var (id, look) in layers)
                if (!_drawn.TryGetValue(id, out var was)) Add(damage, look.Bounds, frame);
                else if (was.Matrix == look.Matrix && was.Alpha == look.Alpha && !ReferenceEquals(was.Raster, look.Raster)
                    && look.Change is { } change && ReferenceEquals(change.From, was.Raster))
                {
                    // Only new content, in place: where the new raster differs from the one drawn last frame.
                    if (!change.Area.IsEmpty) Add(damage, Bounds(change.Area, look.Matrix), frame);
                }
                else if (!ReferenceEquals(was.Raster, look.Raster) || was.Matrix != look.Matrix || was.Alpha != look.Alpha)
                {
                    Add(damage, was.Bounds, frame);
                    Add(damage, look.Bounds, frame);
                }
            var now = order.ToHashSet(StringComparer.Ordinal);
            foreach (var (id, was) in _drawn)
                if (!now.Contains(id)) Add(damage, was.Bounds, frame);
        }
        _drawn = layers.ToDictionary(l => l.Id, l => l.Look, StringComparer.Ordinal);
        _order = order;
        return damage;
    }

    /// <summary>Frame <paramref name="version"/> changed these rectangles (after composing it).</summary>
    public void Composed(long version, IReadOnlyList<SKRectI> rects)
    {
        _changes.Enqueue((version, [.. rects]));
        if (_changes.Count > History) _changes.Dequeue();
    }

    /// <summary>
    /// The rectangles (apart from each other) in which frame <paramref name="from"/> and frame <paramref name="to"/>
    /// differ: none when they are the same frame, null when that is not known any more (take the whole frame).
    /// </summary>
    public List<SKRectI>? Changed(long from, long to, SKRectI frame)
    {
        if (from < 0 || to < from || to - from > History) return null;
        var rects = new List<SKRectI>();
        var found = 0L;
        foreach (var (version, changed) in _changes)
        {
            if (version <= from || version > to) continue;
            found++;
            foreach (var rect in changed) Add(rects, rect, frame);
        }
        return found == to - from ? rects : null;
    }

    /// <summary>The pixels a raster covers when drawn with <paramref name="matrix"/>, with a margin for the smoothing at its edges.</summary>
    public static SKRectI Bounds(SKImage raster, SKMatrix matrix) => Bounds(new SKRectI(0, 0, raster.Width, raster.Height), matrix);

    /// <summary>The pixels a part of a raster covers when drawn with <paramref name="matrix"/>, with the same margin.</summary>
    private static SKRectI Bounds(SKRectI part, SKMatrix matrix)
    {
        var mapped = matrix.MapRect(part);
        var rounded = SKRectI.Round(SKRect.Inflate(mapped, 2, 2));
        return SKRectI.Inflate(rounded, 1, 1);
    }

    /// <summary>Sum of the areas, in pixels.</summary>
    public static long Area(IReadOnlyList<SKRectI> rects) => rects.Sum(r => (long)r.Width * r.Height);

    /// <summary>
    /// Adds <paramref name="rect"/> (cut to the frame) to <paramref name="rects"/>, merging it with every rectangle it
    /// touches, so the list stays a set of separate rectangles and nothing is drawn twice.
    /// </summary>
    private static void Add(List<SKRectI> rects, SKRectI rect, SKRectI frame)
    {
        if (rect.IsEmpty || !rect.IntersectsWith(frame)) return;
        rect.Intersect(frame);
        for (var merged = true; merged;)
        {
            merged = false;
            for (var i = rects.Count - 1; i >= 0; i--)
                if (Touch(rects[i], rect))
                {
                    rect = SKRectI.Union(rects[i], rect);
                    rects.RemoveAt(i);
                    merged = true;
                }
        }
        rects.Add(rect);
    }

    private static bool Touch(SKRectI a, SKRectI b) => a.Left <= b.Right && b.Left <= a.Right && a.Top <= b.Bottom && b.Top <= a.Bottom;
}
