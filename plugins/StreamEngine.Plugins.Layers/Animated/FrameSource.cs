using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Plugins.Layers.Animated;

/// <summary>One picture to draw: an image and the region of it (a sprite sheet cell, or all of it).</summary>
internal readonly record struct Frame(SKImage Image, SKRect Region, int Index);

/// <summary>
/// Where the frames of an animated picture come from, read from props:
/// <c>{"src": "clip.gif"}</c> (GIF or animated WebP with the file's timing, or a folder of images played at <c>fps</c>, default 10),
/// <c>{"sheet": "walk.png", "rows": 2, "cols": 4, "frames": 7, "fps": 12}</c> (a sprite sheet read left to right, top to bottom),
/// or a still <c>{"src": "still.png"}</c>; <c>playback</c> loop (default), once or pingpong; <c>fps</c> overrides a GIF's timing.
/// </summary>
internal sealed record FrameSource(string Path, bool IsSheet, int Rows, int Cols, int Count, double? Fps, Playback Playback)
{
    public static FrameSource Read(JsonObject props, LayerContext layer, string where)
    {
        var sheet = Props.String(props, "sheet");
        var src = sheet ?? Props.String(props, "src") ?? throw new ArgumentException($"{where}: expected \"src\" (a GIF, WebP, image or folder) or \"sheet\" (a sprite sheet image)");
        var fps = props["fps"] is null ? (double?)null : Props.Number(props, "fps", 10);
        if (fps is <= 0 or > 240) throw new ArgumentException($"{where}.fps: expected frames per second between 0 and 240, got {fps}");
        var playback = Props.String(props, "playback") switch
        {
            null or "loop" => Playback.Loop,
            "once" => Playback.Once,
            "pingpong" => Playback.PingPong,
            var other => throw new ArgumentException($"{where}.playback: expected loop, once or pingpong, got \"{other}\""),
        };
        if (sheet is null) return new FrameSource(layer.ResolveAsset(src), false, 1, 1, 0, fps, playback);
        var rows = Whole(props, "rows", where);
        var cols = Whole(props, "cols", where);
        var count = props["frames"] is null ? rows * cols : Whole(props, "frames", where);
        if (count > rows * cols) throw new ArgumentException($"{where}.frames: a {rows}x{cols} sheet holds at most {rows * cols} frames, got {count}");
        return new FrameSource(layer.ResolveAsset(sheet), true, rows, cols, count, fps, playback);
    }

    /// <summary>The frame shown <paramref name="elapsed"/> after the animation started; null while its images load.</summary>
    public Frame? At(IResourceCache resources, TimeSpan elapsed)
    {
        if (IsSheet)
        {
            if (resources.Image(Path).ValueOrThrow() is not { } sheet) return null;
            var index = AnimatedImage.FrameAt(elapsed, Playback, Count, Fps ?? 10);
            var (w, h) = ((float)sheet.Width / Cols, (float)sheet.Height / Rows);
            return new Frame(sheet, SKRect.Create(index % Cols * w, index / Cols * h, w, h), index);
        }
        if (IsStill(Path))
            return resources.Image(Path).ValueOrThrow() is { } still ? new Frame(still, SKRect.Create(still.Width, still.Height), 0) : null;
        if (resources.Animation(Path).ValueOrThrow() is not { } animation) return null;
        var frame = Fps is { } fps ? AnimatedImage.FrameAt(elapsed, Playback, animation.Frames.Count, fps) : animation.FrameAt(elapsed, Playback);
        var image = animation.Frames[frame];
        return new Frame(image, SKRect.Create(image.Width, image.Height), frame);
    }

    private static bool IsStill(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".bmp";

    private static int Whole(JsonObject props, string name, string where)
    {
        var value = Props.Number(props, name, 0);
        if (value < 1 || value > 1000 || value != Math.Floor(value))
            throw new ArgumentException($"{where}.{name}: expected a whole number from 1 to 1000, got {props[name]?.ToJsonString() ?? "nothing"}");
        return (int)value;
    }
}
