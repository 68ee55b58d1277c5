using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Tests;

/// <summary>
/// Which plugins an engine runs, by the SDK version they were built for (semver): its own major with the same or an
/// older minor; never another major, nor a newer minor whose members this engine may lack.
/// </summary>
public sealed class SdkCompatibilityTests
{
    private static readonly Version Engine = SdkCompatibility.Engine;

    [Fact]
    public void The_engine_provides_SDK_1_or_later() => Assert.True(Engine.Major >= 1, $"SDK {Engine}");

    [Fact]
    public void A_plugin_for_the_engines_major_and_an_older_or_equal_minor_loads()
    {
        Assert.Null(SdkCompatibility.Refusal(new Version(Engine.Major, 0, 0)));
        Assert.Null(SdkCompatibility.Refusal(Engine));
    }

    [Fact]
    public void A_plugin_for_another_major_is_refused_naming_both_versions()
    {
        var refusal = SdkCompatibility.Refusal(new Version(Engine.Major + 1, 0, 0));
        Assert.NotNull(refusal);
        Assert.Contains($"this engine provides SDK {Engine.ToString(3)}", refusal);
        Assert.Contains("rebuild the plugin", refusal);
        Assert.NotNull(SdkCompatibility.Refusal(new Version(Engine.Major - 1, 9, 0)));
    }

    [Fact]
    public void A_plugin_for_a_newer_minor_is_refused_asking_for_a_newer_engine()
    {
        var refusal = SdkCompatibility.Refusal(new Version(Engine.Major, Engine.Minor + 1, 0));
        Assert.Contains("update the engine", refusal);
    }

    [Fact]
    public void A_manifest_for_another_major_is_refused_with_the_plugin_its_version_and_the_engines()
    {
        var manifest = new PluginManifest("acme.ticker", "1.2.0", $"{Engine.Major + 1}.0.0", "Acme.Ticker.dll");
        var e = Assert.Throws<PluginLoadException>(() => SdkCompatibility.Check(manifest, null));
        Assert.StartsWith($"plugin 'acme.ticker' targets SDK {Engine.Major + 1}.0.0 (plugin.json sdkVersion); this engine provides SDK {Engine.ToString(3)}", e.Message);
    }

    [Fact]
    public void The_SDK_a_built_plugin_was_compiled_against_is_read_from_its_assembly()
    {
        var dll = Path.Combine(RepoPaths.BuiltPlugins, "StreamEngine.Plugins.Layers", "StreamEngine.Plugins.Layers.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: run ./stream-engine build (tests/run.sh does)");
        Assert.Equal(Engine, SdkCompatibility.CompiledAgainst(dll));
        Assert.Null(SdkCompatibility.CompiledAgainst(typeof(object).Assembly.Location)); // references no SDK
    }
}
