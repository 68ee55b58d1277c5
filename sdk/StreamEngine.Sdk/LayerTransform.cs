namespace StreamEngine.Sdk;

/// <summary>
/// Where and how a layer is placed in the frame. The layer's content is drawn into a
/// <see cref="Width"/> × <see cref="Height"/> box, then scaled and rotated about its anchor,
/// placed so that the anchor sits at (<see cref="X"/>, <see cref="Y"/>) and blended with <see cref="Opacity"/>.
/// </summary>
public sealed class LayerTransform
{
    /// <summary>Horizontal position of the anchor point in frame pixels.</summary>
    public double X { get; set; }

    /// <summary>Vertical position of the anchor point in frame pixels.</summary>
    public double Y { get; set; }

    /// <summary>Width of the layer's content box in pixels; 0 means the full frame width.</summary>
    public double Width { get; set; }

    /// <summary>Height of the layer's content box in pixels; 0 means the full frame height.</summary>
    public double Height { get; set; }

    /// <summary>Anchor point as fractions of the box (0,0 top-left; 0.5,0.5 centre).</summary>
    public Anchor Anchor { get; set; } = new();

    /// <summary>Horizontal scale factor about the anchor.</summary>
    public double ScaleX { get; set; } = 1;

    /// <summary>Vertical scale factor about the anchor.</summary>
    public double ScaleY { get; set; } = 1;

    /// <summary>Clockwise rotation in degrees about the anchor. Rotating a large layer costs about 10 ms per frame at 1080p.</summary>
    public double Rotation { get; set; }

    /// <summary>Opacity from 0 (invisible) to 1 (opaque).</summary>
    public double Opacity { get; set; } = 1;

    /// <summary>Returns a copy that can be changed without affecting this one.</summary>
    public LayerTransform Clone() => new()
    {
        X = X, Y = Y, Width = Width, Height = Height, Anchor = new Anchor { X = Anchor.X, Y = Anchor.Y },
        ScaleX = ScaleX, ScaleY = ScaleY, Rotation = Rotation, Opacity = Opacity,
    };
}

/// <summary>An anchor point as fractions of a layer's box.</summary>
public sealed class Anchor
{
    /// <summary>Fraction of the width, 0 = left edge, 1 = right edge.</summary>
    public double X { get; set; }

    /// <summary>Fraction of the height, 0 = top edge, 1 = bottom edge.</summary>
    public double Y { get; set; }
}
