using SkiaSharp;

namespace StreamEngine.Sdk.Testing;

/// <summary>
/// Compares a rendered frame with a checked-in PNG. A pixel differs when a channel differs by more than
/// <see cref="GoldenTolerance.Channel"/>; the check fails when more than <see cref="GoldenTolerance.Pixels"/> of the
/// pixels differ, writing <c>NAME.actual.png</c> and <c>NAME.diff.png</c> (differences in red) to a failure folder so
/// a person can look. A missing golden image fails too — a test that writes its own expectation cannot fail — unless
/// the environment variable <c>UPDATE_GOLDEN=1</c> is set: then the golden images are written anew, to be looked at
/// before they are committed.
/// </summary>
public static class GoldenImage
{
    /// <summary>Whether golden images are being written (<c>UPDATE_GOLDEN=1</c>) rather than checked.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>Checks <paramref name="actual"/> against <paramref name="goldenPath"/>; throws <see cref="GoldenImageException"/> when they differ.</summary>
    /// <param name="actual">The rendered frame.</param>
    /// <param name="goldenPath">The golden PNG.</param>
    /// <param name="tolerance">How much may differ; null for <see cref="GoldenTolerance.Default"/>.</param>
    /// <param name="failureDirectory">Where the actual and diff images go on failure; null for <c>golden-failures</c> beside the test assembly.</param>
    public static void AssertMatches(SKBitmap actual, string goldenPath, GoldenTolerance? tolerance = null, string? failureDirectory = null)
    {
        tolerance ??= GoldenTolerance.Default;
        var name = Path.GetFileNameWithoutExtension(goldenPath);
        if (Updating)
        {
            SavePng(actual, goldenPath);
            return;
        }
        if (!File.Exists(goldenPath))
            throw new GoldenImageException($"golden image {goldenPath} is missing: run the test with UPDATE_GOLDEN=1 to create it, look at it, and commit it");
        using var expected = SKBitmap.Decode(goldenPath) ?? throw new GoldenImageException($"golden image {goldenPath} is not a PNG this can read");
        if ((expected.Width, expected.Height) != (actual.Width, actual.Height))
            throw new GoldenImageException($"{name}: the frame is {actual.Width}x{actual.Height}, the golden image {goldenPath} is {expected.Width}x{expected.Height}");
        using var diff = new SKBitmap(actual.Width, actual.Height);
        var different = Compare(expected, actual, diff, tolerance.Channel);
        if (different <= tolerance.Pixels * actual.Width * actual.Height) return;
        var output = failureDirectory ?? Path.Combine(AppContext.BaseDirectory, "golden-failures");
        SavePng(actual, Path.Combine(output, name + ".actual.png"));
        SavePng(diff, Path.Combine(output, name + ".diff.png"));
        throw new GoldenImageException($"{name}: {different} of {actual.Width * actual.Height} pixels differ from {goldenPath}; see {output}");
    }

    /// <summary>Writes a bitmap as PNG, creating the folder.</summary>
    public static void SavePng(SKBitmap bitmap, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    private static int Compare(SKBitmap expected, SKBitmap actual, SKBitmap diff, int channel)
    {
        var different = 0;
        for (var y = 0; y < actual.Height; y++)
        for (var x = 0; x < actual.Width; x++)
        {
            var (a, e) = (actual.GetPixel(x, y), expected.GetPixel(x, y));
            var delta = Math.Max(Math.Max(Math.Abs(a.Red - e.Red), Math.Abs(a.Green - e.Green)), Math.Max(Math.Abs(a.Blue - e.Blue), Math.Abs(a.Alpha - e.Alpha)));
            if (delta > channel) different++;
            diff.SetPixel(x, y, delta > channel ? SKColors.Red : new SKColor(a.Red, a.Green, a.Blue, 60));
        }
        return different;
    }
}

/// <summary>How much a frame may differ from its golden image (font hinting and resampling differ slightly between machines).</summary>
/// <param name="Channel">The largest difference of one color channel (0 to 255) that still counts as the same pixel.</param>
/// <param name="Pixels">The share of pixels (0 to 1) that may differ.</param>
public sealed record GoldenTolerance(int Channel, double Pixels)
{
    /// <summary>8 levels per channel, 0.2 % of the pixels.</summary>
    public static GoldenTolerance Default { get; } = new(8, 0.002);
}

/// <summary>A frame does not match its golden image, or the golden image is missing; the message says which and where to look.</summary>
public sealed class GoldenImageException(string message) : Exception(message);
