namespace StreamEngine.Core.Scene;

/// <summary>
/// The bounds every piece of show state keeps, whoever changes it (API, WebSocket, scripts, animations, a restored
/// snapshot): a layer's box, the memory of all layers' rasters together, and the size of texts and arrays in props.
/// The defaults are safe for a 1080p show; <see cref="ForFrame"/> scales the box limit with the frame.
/// </summary>
public sealed record ShowLimits
{
    /// <summary>The frame a layer with width or height 0 fills.</summary>
    public int FrameWidth { get; init; } = 1920;

    public int FrameHeight { get; init; } = 1080;

    /// <summary>Largest layer box (and so raster) in pixels; by default twice the frame in each dimension.</summary>
    public int MaxLayerWidth { get; init; } = 3840;

    public int MaxLayerHeight { get; init; } = 2160;

    /// <summary>Bytes (4 per pixel) all layers' rasters may take together (RASTER_BUDGET_MB).</summary>
    public long RasterBudgetBytes { get; init; } = 512L << 20;

    /// <summary>Positions are bounded far outside any frame so that no transform overflows a float matrix.</summary>
    public double MaxCoordinate { get; init; } = 1_000_000;

    public double MaxScale { get; init; } = 1_000;

    public double MaxRotation { get; init; } = 1_000_000;

    /// <summary>An anchor outside the box is allowed (orbit effects), within this many boxes.</summary>
    public double MaxAnchor { get; init; } = 100;

    public int MaxZIndex { get; init; } = 1_000_000;

    public int MaxIdLength { get; init; } = 128;

    /// <summary>Longest text anywhere in props, in characters.</summary>
    public int MaxTextLength { get; init; } = 10_000;

    /// <summary>Longest chat message text from a chat source, in characters (CHAT_MAX_TEXT); longer is cut.</summary>
    public int MaxChatTextLength { get; init; } = 500;

    /// <summary>Most items of any array in props.</summary>
    public int MaxArrayLength { get; init; } = 1_000;

    /// <summary>Deepest nesting of objects and arrays in props.</summary>
    public int MaxDepth { get; init; } = 16;

    /// <summary>Most values in one layer's props, all levels together.</summary>
    public int MaxPropValues { get; init; } = 10_000;

    /// <param name="maxLayerSize">LAYER_MAX_SIZE, or null for twice the frame.</param>
    /// <param name="rasterBudgetMb">RASTER_BUDGET_MB.</param>
    public static ShowLimits ForFrame(int width, int height, (int Width, int Height)? maxLayerSize = null, int rasterBudgetMb = 512) => new()
    {
        FrameWidth = width,
        FrameHeight = height,
        MaxLayerWidth = maxLayerSize?.Width ?? width * 2,
        MaxLayerHeight = maxLayerSize?.Height ?? height * 2,
        RasterBudgetBytes = (long)rasterBudgetMb << 20,
    };

    /// <summary>No bounds at all: for reading a scene whose layers are checked elsewhere (its animations' targets).</summary>
    public static ShowLimits Unchecked { get; } = new()
    {
        MaxLayerWidth = int.MaxValue, MaxLayerHeight = int.MaxValue, RasterBudgetBytes = long.MaxValue,
        MaxCoordinate = double.MaxValue, MaxScale = double.MaxValue, MaxRotation = double.MaxValue, MaxAnchor = double.MaxValue,
        MaxZIndex = int.MaxValue, MaxIdLength = int.MaxValue, MaxTextLength = int.MaxValue, MaxArrayLength = int.MaxValue,
        MaxDepth = int.MaxValue, MaxPropValues = int.MaxValue,
    };

    /// <summary>The bytes a layer's raster takes: its box (or the frame where the box is 0), 4 per pixel, saturating at 2^50.</summary>
    public long RasterBytes(Sdk.LayerTransform t)
    {
        var width = t.Width > 0 ? Math.Min(t.Width, MaxLayerWidth) : FrameWidth;
        var height = t.Height > 0 ? Math.Min(t.Height, MaxLayerHeight) : FrameHeight;
        var bytes = 4.0 * Math.Max(1, Math.Round(width)) * Math.Max(1, Math.Round(height));
        return double.IsFinite(bytes) ? (long)Math.Min(bytes, 1L << 50) : 1L << 50;
    }
}
