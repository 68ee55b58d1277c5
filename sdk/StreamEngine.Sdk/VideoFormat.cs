namespace StreamEngine.Sdk;

/// <summary>Size and rate of the frames the engine renders. Pixels are BGRA, premultiplied, 4 bytes each, rows without padding.</summary>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="Fps">Frames per second.</param>
public sealed record VideoFormat(int Width, int Height, int Fps)
{
    /// <summary>Bytes in one frame.</summary>
    public int FrameBytes => Width * Height * 4;

    /// <summary>The size as <c>WIDTHxHEIGHT</c>.</summary>
    public override string ToString() => $"{Width}x{Height}@{Fps}";
}
