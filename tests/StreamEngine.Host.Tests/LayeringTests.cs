using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The arrows between projects (docs/architecture.md): the SDK stands alone; plugins see only the SDK (and the toolkit,
/// helpers that are not contracts and that each plugin ships its own copy of); the core knows
/// no plugin, no web, no encoder implementation, no host; the encoder sees only the SDK; the application layer knows
/// no web, no host, no encoder implementation and the server only adapts it. Checked twice: in the project
/// files (a reference someone adds) and in the built assemblies (a reference the compiler kept).
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Which StreamEngine projects each may reference; a project not listed here (the host, tests) may reference any.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["StreamEngine.Sdk"] = [],
        ["StreamEngine.Toolkit"] = ["StreamEngine.Sdk"],
        ["StreamEngine.Core"] = ["StreamEngine.Sdk", "StreamEngine.Toolkit"],
        ["StreamEngine.Encoding.FFmpeg"] = ["StreamEngine.Sdk"],
        ["StreamEngine.State"] = ["StreamEngine.Sdk"],
        ["StreamEngine.Plugins"] = ["StreamEngine.Core", "StreamEngine.Sdk", "StreamEngine.Toolkit"],
        ["StreamEngine.Scripting"] = ["StreamEngine.Core", "StreamEngine.Sdk", "StreamEngine.Toolkit"],
        // The show's commands and queries: no web, no host, no encoder implementation, no plugin.
        ["StreamEngine.Application"] = ["StreamEngine.Core", "StreamEngine.Sdk", "StreamEngine.Toolkit", "StreamEngine.State", "StreamEngine.Scripting", "StreamEngine.Plugins"],
        // Thin adapters (REST, WebSocket) over the application layer.
        ["StreamEngine.Server"] = ["StreamEngine.Application", "StreamEngine.Core", "StreamEngine.Sdk", "StreamEngine.Toolkit"],
    };

    private static readonly string[] PluginFolders = ["plugins", "tests/fixtures/plugins"];

    /// <summary>What a plugin may reference: the contracts, and the toolkit (which it ships beside itself).</summary>
    private static readonly string[] PluginMayUse = ["StreamEngine.Sdk", "StreamEngine.Toolkit"];

    [Fact]
    public void Each_engine_project_references_only_the_projects_below_it()
    {
        var wrong = EngineProjects()
            .SelectMany(p => ProjectReferences(p).Where(r => !Allowed[Name(p)].Contains(r)).Select(r => $"{Name(p)} -> {r}"))
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Plugins_reference_only_the_sdk_and_the_toolkit()
    {
        var plugins = PluginFolders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, f), "*.csproj", SearchOption.AllDirectories)).ToList();
        Assert.True(plugins.Count >= 4, string.Join(", ", plugins)); // layers, easings and the test fixtures
        var wrong = plugins.SelectMany(p => ProjectReferences(p).Where(r => !PluginMayUse.Contains(r)).Select(r => $"{Name(p)} -> {r}")).ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_built_assemblies_reference_only_what_their_layer_allows()
    {
        var bin = Path.GetDirectoryName(RepoPaths.BuiltEngine)!; // the engine as ./stream-engine build made it
        var wrong = new List<string>();
        foreach (var (project, allowed) in Allowed)
        {
            var dll = Path.Combine(bin, project + ".dll");
            Assert.True(File.Exists(dll), $"{dll} is missing");
            wrong.AddRange(AssemblyReferences(dll).Where(r => r.StartsWith("StreamEngine", StringComparison.Ordinal) && !allowed.Contains(r)).Select(r => $"{project} -> {r}"));
        }
        foreach (var dll in Directory.EnumerateFiles(RepoPaths.BuiltPlugins, "StreamEngine.Plugins.*.dll", SearchOption.AllDirectories))
            wrong.AddRange(AssemblyReferences(dll).Where(r => r.StartsWith("StreamEngine", StringComparison.Ordinal) && !PluginMayUse.Contains(r)).Select(r => $"{Path.GetFileName(dll)} -> {r}"));
        Assert.Empty(wrong);
    }

    private static IEnumerable<string> EngineProjects() =>
        Allowed.Keys.Select(name => Directory.EnumerateFiles(RepoPaths.Root, name + ".csproj", SearchOption.AllDirectories)
            .Single(p => !p.Contains($"{Path.DirectorySeparatorChar}.build{Path.DirectorySeparatorChar}")));

    private static string Name(string csproj) => Path.GetFileNameWithoutExtension(csproj);

    private static IEnumerable<string> ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Where(r => r.StartsWith("StreamEngine", StringComparison.Ordinal));

    private static IEnumerable<string> AssemblyReferences(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return [.. metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))];
    }
}
