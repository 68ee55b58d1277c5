using System.IO.Compression;
using System.Text.RegularExpressions;

namespace StreamEngine.Plugins;

/// <summary>
/// Puts a plugin into the plugins directory, from its build folder or a package (<c>.nupkg</c> or <c>.zip</c> holding
/// one folder with <c>plugin.json</c>), after checking its manifest, its entry assembly and its SDK version as the
/// loader would — so a plugin this engine would refuse is refused here, with the same message. The files are copied
/// with <c>plugin.json</c> last: a running engine's hot reload sees a complete plugin.
/// </summary>
public static partial class PluginInstaller
{
    /// <summary>Installs the plugin at <paramref name="source"/>; returns its manifest and the folder it is in now.</summary>
    /// <exception cref="PluginLoadException">The source is not a plugin, or not one this engine can run.</exception>
    public static (PluginManifest Manifest, string Folder) Install(string source, string pluginsDirectory)
    {
        var full = Path.GetFullPath(source);
        if (Directory.Exists(full)) return InstallFolder(full, pluginsDirectory);
        if (!File.Exists(full)) throw new PluginLoadException($"{source}: no such file or folder; expected a plugin folder with plugin.json, or a .nupkg or .zip of one");
        if (!full.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase) && !full.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            throw new PluginLoadException($"{source}: expected a plugin folder, or a .nupkg or .zip file");
        var unpacked = Directory.CreateTempSubdirectory("plugin-install-");
        try
        {
            Unpack(full, unpacked.FullName);
            var manifests = Directory.GetFiles(unpacked.FullName, PluginManifest.FileName, SearchOption.AllDirectories);
            if (manifests.Length != 1)
                throw new PluginLoadException($"{source}: expected one {PluginManifest.FileName} in the package, found {manifests.Length}");
            return InstallFolder(Path.GetDirectoryName(manifests[0])!, pluginsDirectory);
        }
        finally { unpacked.Delete(recursive: true); }
    }

    /// <summary>Removes the plugin with this id from the plugins directory; returns its folder.</summary>
    /// <exception cref="PluginLoadException">No plugin there has this id.</exception>
    public static string Remove(string id, string pluginsDirectory)
    {
        var folder = Find(id, pluginsDirectory)
            ?? throw new PluginLoadException($"no plugin with id '{id}' in {pluginsDirectory}; `plugins list` shows the installed ones");
        Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>The folder of the installed plugin with this id, or null.</summary>
    public static string? Find(string id, string pluginsDirectory)
    {
        if (!Directory.Exists(pluginsDirectory)) return null;
        foreach (var folder in Directory.EnumerateDirectories(pluginsDirectory))
        {
            var manifest = Path.Combine(folder, PluginManifest.FileName);
            if (!File.Exists(manifest)) continue;
            try { if (PluginManifest.Read(manifest).Id == id) return folder; }
            catch (PluginLoadException) { } // a broken neighbour is not the one asked for
        }
        return null;
    }

    private static (PluginManifest, string) InstallFolder(string folder, string pluginsDirectory)
    {
        var manifest = PluginManifest.Read(Path.Combine(folder, PluginManifest.FileName));
        if (!Id().IsMatch(manifest.Id))
            throw new PluginLoadException($"{folder}: field 'id' is '{manifest.Id}'; expected letters, digits, '.', '-' and '_' (it names the plugin's folder)");
        var entry = Path.GetFullPath(Path.Combine(folder, manifest.EntryAssembly));
        if (!entry.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(entry))
            throw new PluginLoadException($"plugin '{manifest.Id}': entry assembly '{manifest.EntryAssembly}' not found in {folder}");
        SdkCompatibility.Check(manifest, entry);
        var target = Find(manifest.Id, pluginsDirectory) ?? Path.Combine(pluginsDirectory, manifest.Id);
        Directory.CreateDirectory(target);
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetFileName(f) == PluginManifest.FileName); // the manifest last: the reload starts on a complete plugin
        foreach (var file in files)
        {
            var copy = Path.Combine(target, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
        return (manifest, target);
    }

    private static void Unpack(string package, string into)
    {
        var root = Path.GetFullPath(into) + Path.DirectorySeparatorChar;
        using var zip = ZipFile.OpenRead(package);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            var path = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(entry.FullName)));
            if (!path.StartsWith(root, StringComparison.Ordinal))
                throw new PluginLoadException($"{package}: entry '{entry.FullName}' points outside the package; refused");
            total += entry.Length;
            if (total > MaxUnpackedBytes) throw new PluginLoadException($"{package}: unpacks to more than {MaxUnpackedBytes / (1 << 20)} MiB; refused");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path, overwrite: true);
        }
    }

    private const long MaxUnpackedBytes = 512L << 20;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex Id();
}
