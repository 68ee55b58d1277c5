using System.IO.Compression;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Tests;

/// <summary>`plugins install` and `plugins remove` on real plugin builds (the easings plugin as ./stream-engine build made it).</summary>
public sealed class PluginInstallerTests : IDisposable
{
    private readonly TempDirectory _dir = new("plugin-install");
    private static string Easings => Path.Combine(RepoPaths.BuiltPlugins, "StreamEngine.Plugins.Easings");

    [Fact]
    public void A_plugin_folder_is_checked_and_copied_under_its_id_and_loads_from_there()
    {
        var plugins = _dir.File("plugins");

        var (manifest, folder) = PluginInstaller.Install(Easings, plugins);

        Assert.Equal("streamengine.easings", manifest.Id);
        Assert.Equal(Path.Combine(plugins, "streamengine.easings"), folder);
        using var catalog = new PluginCatalog(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        catalog.LoadDirectory(plugins);
        Assert.Empty(catalog.Failures);
        Assert.Single(catalog.Plugins);
    }

    [Fact]
    public void A_zipped_plugin_installs_and_is_removed_by_its_id()
    {
        var zip = _dir.File("easings.zip");
        ZipFile.CreateFromDirectory(Easings, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        var plugins = _dir.File("plugins");

        var (_, folder) = PluginInstaller.Install(zip, plugins);
        Assert.True(File.Exists(Path.Combine(folder, "StreamEngine.Plugins.Easings.dll")));

        Assert.Equal(folder, PluginInstaller.Remove("streamengine.easings", plugins));
        Assert.False(Directory.Exists(folder));
        var e = Assert.Throws<PluginLoadException>(() => PluginInstaller.Remove("streamengine.easings", plugins));
        Assert.Contains("no plugin with id 'streamengine.easings'", e.Message);
    }

    [Fact]
    public void A_package_with_an_entry_outside_itself_is_refused_and_nothing_is_installed()
    {
        var zip = _dir.File("evil.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("plugin/plugin.json").Open()))
                writer.Write("""{"id":"evil","version":"1.0.0","sdkVersion":"1.0.0","entryAssembly":"Evil.dll"}""");
            using (var writer = new StreamWriter(archive.CreateEntry("../../escaped.txt").Open())) writer.Write("x");
        }

        var e = Assert.Throws<PluginLoadException>(() => PluginInstaller.Install(zip, _dir.File("plugins")));

        Assert.Contains("points outside the package", e.Message);
        Assert.False(Directory.Exists(_dir.File("plugins/evil")));
    }

    [Fact]
    public void A_plugin_for_another_sdk_major_is_refused_with_both_versions_and_not_copied()
    {
        var source = _dir.File("future");
        Directory.CreateDirectory(source);
        foreach (var file in Directory.EnumerateFiles(Easings)) File.Copy(file, Path.Combine(source, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(source, "plugin.json"),
            """{"id":"future","version":"1.0.0","sdkVersion":"9.0.0","entryAssembly":"StreamEngine.Plugins.Easings.dll"}""");

        var e = Assert.Throws<PluginLoadException>(() => PluginInstaller.Install(source, _dir.File("plugins")));

        Assert.StartsWith($"plugin 'future' targets SDK 9.0.0 (plugin.json sdkVersion); this engine provides SDK {SdkCompatibility.Engine.ToString(3)}", e.Message);
        Assert.False(Directory.Exists(_dir.File("plugins/future")));
    }

    [Fact]
    public void A_path_that_is_not_a_plugin_is_refused_naming_it()
    {
        var e = Assert.Throws<PluginLoadException>(() => PluginInstaller.Install(_dir.File("nothing-here"), _dir.File("plugins")));
        Assert.Contains("nothing-here: no such file or folder", e.Message);
    }

    public void Dispose() => _dir.Dispose();
}
