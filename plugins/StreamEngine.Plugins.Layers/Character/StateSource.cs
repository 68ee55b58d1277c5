using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>One frame of a character's state: an image and the part of it to draw.</summary>
internal readonly record struct SpriteFrame(SKImage Image, SKRect Source);

/// <summary>
/// Where a state's pictures come from: a still (<c>{"src": "idle.png"}</c>), a sprite sheet
/// (<c>{"sheet": "talk.png", "rows": 1, "cols": 4, "fps": 8, "frames": 4, "playback": "loop"}</c>, frames read left to
/// right, top to bottom) or a folder of images played in name order (<c>{"folder": "wave/", "fps": 10}</c>).
/// </summary>
internal sealed record StateSource(StateSource.SourceKind Kind, string Path, int Rows, int Cols, int? Frames, double Fps, Playback Playback)
{
    public enum SourceKind { Still, Sheet, Folder }

    public static StateSource Parse(JsonObject source, string where)
    {
        var playback = ParsePlayback(source, where);
        var fps = Positive(source, "fps", 10, where);
        if (Props.String(source, "src", where) is { } src) return new StateSource(SourceKind.Still, src, 1, 1, 1, fps, playback);
        if (Props.String(source, "folder", where) is { } folder) return new StateSource(SourceKind.Folder, folder, 1, 1, null, fps, playback);
        if (Props.String(source, "sheet", where) is not { } sheet)
            throw new ArgumentException($"{where}: expected \"src\" (an image), \"sheet\" (a sprite sheet with rows and cols) or \"folder\" (a folder of frames)");
        var rows = (int)Positive(source, "rows", 1, where);
        var cols = (int)Positive(source, "cols", 1, where);
        var frames = source["frames"] is null ? (int?)null : (int)Positive(source, "frames", 1, where);
        if (frames > rows * cols) throw new ArgumentException($"{where}.frames: a {rows}x{cols} sheet holds at most {rows * cols} frames, got {frames}");
        return new StateSource(SourceKind.Sheet, sheet, rows, cols, frames, fps, playback);
    }

    /// <summary>Number of frames, when known without loading anything (a folder's is known once it has loaded).</summary>
    public int? KnownFrameCount => Kind switch
    {
        SourceKind.Still => 1,
        SourceKind.Sheet => Frames ?? Rows * Cols,
        _ => null,
    };

    /// <summary>Index of the frame shown <paramref name="elapsed"/> after the state began.</summary>
    public int FrameIndexAt(TimeSpan elapsed, int count) => AnimatedImage.FrameAt(elapsed, Playback, Math.Max(1, count), Fps);

    /// <summary>
    /// The frame at <paramref name="elapsed"/>, or null while its image loads; throws when it cannot be loaded (the layer
    /// then shows the error). <paramref name="frameCount"/> receives the number of frames (a folder's once it has loaded).
    /// </summary>
    public SpriteFrame? FrameAt(LayerContext layer, TimeSpan elapsed, out int frameCount)
    {
        frameCount = KnownFrameCount ?? 1;
        var path = layer.ResolveAsset(Path);
        if (Kind == SourceKind.Folder)
        {
            if (layer.Resources.Animation(path).ValueOrThrow() is not { } animation) return null;
            frameCount = animation.Frames.Count;
            var image = animation.Frames[FrameIndexAt(elapsed, frameCount)];
            return new SpriteFrame(image, SKRect.Create(image.Width, image.Height));
        }
        if (layer.Resources.Image(path).ValueOrThrow() is not { } picture) return null;
        var (w, h) = ((float)picture.Width / Cols, (float)picture.Height / Rows);
        var index = FrameIndexAt(elapsed, frameCount);
        return new SpriteFrame(picture, SKRect.Create(index % Cols * w, index / Cols * h, w, h));
    }

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
}
