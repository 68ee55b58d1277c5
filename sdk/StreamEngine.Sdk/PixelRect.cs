namespace StreamEngine.Sdk;

/// <summary>A rectangle of whole pixels in a frame: <see cref="X"/>, <see cref="Y"/> is its top-left pixel.</summary>
public readonly struct PixelRect(int x, int y, int width, int height)
{
    /// <summary>Column of the leftmost pixel.</summary>
    public int X { get; } = x;

    /// <summary>Row of the top pixel.</summary>
    public int Y { get; } = y;

    /// <summary>Width in pixels.</summary>
    public int Width { get; } = width;

    /// <summary>Height in pixels.</summary>
    public int Height { get; } = height;
}
