using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Plugins.Layers.Frames;

/// <summary>One picture to draw: an image, the part of it that is the frame, and the frame's index.</summary>
internal readonly record struct SpriteFrame(SKImage Image, SKRect Source, int Index);

/// <summary>
/// Where the frames of an animated picture come from (the <c>animation</c> layer, each state of a character):
/// a still (<c>{"src": "idle.png"}</c>); a GIF or animated WebP (<c>{"src": "clip.gif"}</c>, with the file's own frame
/// timing unless <c>fps</c> is given); a sprite sheet (<c>{"sheet": "talk.png", "rows": 1, "cols": 4, "frames": 4}</c>,
/// frames read left to right, top to bottom); or a folder of images in name order (<c>{"folder": "wave/"}</c>).
/// <c>fps</c> defaults to 10; <c>playback</c> is loop (default), once or pingpong.
/// </summary>
internal sealed record FrameSource(FrameSource.SourceKind Kind, string Path, int Rows, int Cols, int? Frames, double? Fps, Playback Playback)
{
    private const double DefaultFps = 10;

    public enum SourceKind { Still, Animated, Sheet, Folder }

    public static FrameSource Parse(JsonObject source, string where)
    {
        var playback = ParsePlayback(source, where);
        var fps = source["fps"] is null ? (double?)null : Positive(source, "fps", DefaultFps, where);
        if (Props.String(source, "src", where) is { } src)
            return new FrameSource(IsAnimatedFile(src) ? SourceKind.Animated : SourceKind.Still, src, 1, 1, null, fps, playback);
        if (Props.String(source, "folder", where) is { } folder) return new FrameSource(SourceKind.Folder, folder, 1, 1, null, fps, playback);
        if (Props.String(source, "sheet", where) is not { } sheet)
            throw new ArgumentException($"{where}: expected \"src\" (an image, GIF or WebP), \"sheet\" (a sprite sheet with rows and cols) or \"folder\" (a folder of frames)");
        var rows = Whole(source, "rows", where);
        var cols = Whole(source, "cols", where);
        var frames = source["frames"] is null ? (int?)null : Whole(source, "frames", where);
        if (frames > rows * cols) throw new ArgumentException($"{where}.frames: a {rows}x{cols} sheet holds at most {rows * cols} frames, got {frames}");
        return new FrameSource(SourceKind.Sheet, sheet, rows, cols, frames, fps, playback);
    }

    /// <summary>
    /// The frame shown <paramref name="elapsed"/> after the animation began, or null while its images load; throws when
    /// they cannot be loaded (the layer then shows the error).
    /// </summary>
    public SpriteFrame? FrameAt(LayerContext layer, TimeSpan elapsed)
    {
        var path = layer.ResolveAsset(Path);
        if (Kind is SourceKind.Folder or SourceKind.Animated)
        {
            if (layer.Resources.Animation(path).ValueOrThrow() is not { } animation) return null;
            var index = Fps is { } fps ? AnimatedImage.FrameAt(elapsed, Playback, animation.Frames.Count, fps) : animation.FrameAt(elapsed, Playback);
            var image = animation.Frames[index];
            return new SpriteFrame(image, SKRect.Create(image.Width, image.Height), index);
        }
        if (layer.Resources.Image(path).ValueOrThrow() is not { } picture) return null;
        if (Kind == SourceKind.Still) return new SpriteFrame(picture, SKRect.Create(picture.Width, picture.Height), 0);
        var (w, h) = ((float)picture.Width / Cols, (float)picture.Height / Rows);
        var cell = AnimatedImage.FrameAt(elapsed, Playback, Frames ?? Rows * Cols, Fps ?? DefaultFps);
        return new SpriteFrame(picture, SKRect.Create(cell % Cols * w, cell / Cols * h, w, h), cell);
    }

    private static bool IsAnimatedFile(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() is ".gif" or ".webp";

    private static Playback ParsePlayback(JsonObject source, string where) => Props.String(source, "playback", where) switch
    {
        null or "loop" => Playback.Loop,
        "once" => Playback.Once,
        "pingpong" => Playback.PingPong,
        _ => throw new ArgumentException($"{where}.playback: expected \"loop\", \"once\" or \"pingpong\", got {source["playback"]!.ToJsonString()}"),
    };

    private static double Positive(JsonObject source, string name, double fallback, string where)
    {
        var value = source[name] is JsonValue v && v.TryGetValue<double>(out var number) ? number
            : source[name] is null ? fallback
            : throw new ArgumentException($"{where}.{name}: expected a number, got {source[name]!.ToJsonString()}");
        return value > 0 ? value : throw new ArgumentException($"{where}.{name}: expected a number above 0, got {value}");
    }

    private static int Whole(JsonObject source, string name, string where)
    {
        var value = Positive(source, name, 1, where);
        return value == Math.Floor(value) ? (int)value : throw new ArgumentException($"{where}.{name}: expected a whole number, got {value}");
    }
}
