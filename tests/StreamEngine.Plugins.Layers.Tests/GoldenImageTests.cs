using SkiaSharp;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Layers.Tests;

public sealed class GoldenImageTests
{
    [Fact]
    public void A_missing_golden_image_fails_the_test_instead_of_being_written()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") return; // goldens are being written on purpose
        var golden = Path.Combine(RepoPaths.Root, "tests", "StreamEngine.Plugins.Layers.Tests", "golden", "missing-on-purpose.png");
        using var frame = new SKBitmap(4, 4);

        var failure = Assert.Throws<StreamEngine.Sdk.Testing.GoldenImageException>(() => GoldenImage.Check("missing-on-purpose", frame));

        Assert.Contains("UPDATE_GOLDEN=1", failure.Message);
        Assert.False(File.Exists(golden));
    }
}
