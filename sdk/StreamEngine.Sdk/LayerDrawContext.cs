using System.Text.Json.Nodes;
using SkiaSharp;

namespace StreamEngine.Sdk;

/// <summary>Everything a renderer needs to draw one layer's content.</summary>
/// <param name="Canvas">Canvas of the layer's box, cleared to transparent, origin at the top-left of the box.</param>
/// <param name="Size">Size of the box in pixels.</param>
/// <param name="Props">The layer's type-specific properties.</param>
/// <param name="Time">Time of the frame being rendered.</param>
public sealed record LayerDrawContext(SKCanvas Canvas, SKSizeI Size, JsonObject Props, FrameTime Time);
