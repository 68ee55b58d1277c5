using System.Text.Json;

namespace StreamEngine.Plugins;

/// <summary>The <c>plugin.json</c> at the root of a plugin folder.</summary>
public sealed record PluginManifest(string Id, string Version, string SdkVersion, string EntryAssembly)
{
    public const string FileName = "plugin.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads and checks a manifest; the error names the file and the field.</summary>
    public static PluginManifest Read(string path)
    {
        PluginManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new PluginLoadException($"{path}: not valid JSON ({e.Message})"); }
        if (manifest is null) throw new PluginLoadException($"{path}: expected an object with id, version, sdkVersion, entryAssembly");
        foreach (var (field, value) in new[] { ("id", manifest.Id), ("version", manifest.Version), ("sdkVersion", manifest.SdkVersion), ("entryAssembly", manifest.EntryAssembly) })
            if (string.IsNullOrWhiteSpace(value)) throw new PluginLoadException($"{path}: field '{field}' is missing; expected a non-empty string");
        if (!System.Version.TryParse(manifest.SdkVersion, out _))
            throw new PluginLoadException($"{path}: field 'sdkVersion' is '{manifest.SdkVersion}'; expected a version such as 1.0.0");
        return manifest;
    }
}

/// <summary>A plugin cannot be loaded; the message names the plugin and the reason.</summary>
public sealed class PluginLoadException(string message, Exception? inner = null) : Exception(message, inner);
