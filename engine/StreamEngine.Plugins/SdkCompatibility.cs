using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins;

/// <summary>
/// Whether this engine can run a plugin built for a given SDK version. The SDK follows semver: a plugin built for the
/// engine's major version and the same or an older minor loads (a minor only adds); another major, or a newer minor
/// (the plugin may call what this engine lacks), is refused. Before 1.0 every minor may break, so it must match.
/// Both what <c>plugin.json</c> declares and what the entry assembly was really compiled against are checked.
/// </summary>
public static class SdkCompatibility
{
    /// <summary>The SDK version this engine provides.</summary>
    public static Version Engine { get; } = Normalize(typeof(ILayerType).Assembly.GetName().Version ?? new Version(0, 0, 0));

    /// <summary>Throws <see cref="PluginLoadException"/> naming the plugin, its SDK version and the engine's when it cannot run here.</summary>
    /// <param name="manifest">The plugin's manifest.</param>
    /// <param name="entryAssembly">The path of its entry assembly; its reference to the SDK is checked too when it exists.</param>
    public static void Check(PluginManifest manifest, string? entryAssembly)
    {
        var declared = Normalize(Version.Parse(manifest.SdkVersion));
        if (Refusal(declared) is { } reason)
            throw new PluginLoadException($"plugin '{manifest.Id}' targets SDK {declared.ToString(3)} (plugin.json sdkVersion); {reason}");
        if (entryAssembly is not null && File.Exists(entryAssembly) && CompiledAgainst(entryAssembly) is { } built && Refusal(built) is { } builtReason)
            throw new PluginLoadException(
                $"plugin '{manifest.Id}': {Path.GetFileName(entryAssembly)} was built against SDK {built.ToString(3)} (plugin.json says {declared.ToString(3)}); {builtReason}");
    }

    /// <summary>Why a plugin for <paramref name="wanted"/> cannot run on this engine; null when it can.</summary>
    public static string? Refusal(Version wanted)
    {
        wanted = Normalize(wanted);
        var supported = Engine.Major > 0 ? $"{Engine.Major}.0.0 to {Engine.ToString(3)}" : $"{Engine.Major}.{Engine.Minor}.x up to {Engine.ToString(3)}";
        if (wanted.Major != Engine.Major || (Engine.Major == 0 && wanted.Minor != Engine.Minor))
            return $"this engine provides SDK {Engine.ToString(3)} and runs plugins built for SDK {supported}: rebuild the plugin against StreamEngine.Sdk {Engine.ToString(3)}";
        if (wanted > Engine)
            return $"this engine provides SDK {Engine.ToString(3)}, older than the plugin needs: update the engine, or build the plugin against StreamEngine.Sdk {Engine.ToString(3)}";
        return null;
    }

    /// <summary>The version of <c>StreamEngine.Sdk</c> an assembly references; null when it references none (or cannot be read).</summary>
    public static Version? CompiledAgainst(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return null;
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.GetString(reference.Name) == "StreamEngine.Sdk") return Normalize(reference.Version);
            }
            return null;
        }
        catch (BadImageFormatException) { return null; }
    }

    private static Version Normalize(Version v) => new(v.Major, v.Minor, Math.Max(0, v.Build));
}
