using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Testing;
using StreamEngine.TestFixtures;
using StreamEngine.Toolkit;

namespace StreamEngine.Sdk.Tests;

/// <summary>
/// The C# blocks of docs/plugins.md compile together, as one plugin and its tests would, against the SDK packages'
/// assemblies only (the SDK, the toolkit, Sdk.Testing, xunit): an author who copies them gets code that builds.
/// </summary>
public sealed partial class DocsCodeTests
{
    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    // What `<ImplicitUsings>enable</ImplicitUsings>` gives a project.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public void Every_csharp_block_in_the_plugin_guide_compiles_against_the_sdk_packages()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "plugins.md"));
        var blocks = CodeBlock().Matches(docs).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 6, $"expected a block for each kind and its test, found {blocks.Count}");

        var trees = blocks.Select((code, i) => CSharpSyntaxTree.ParseText(code, path: $"plugins.md block {i + 1}"))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, path: "implicit usings"));
        var compilation = CSharpCompilation.Create("DocsPlugin", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);

        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(result.Success && problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The .NET libraries, and exactly the assemblies a plugin project and its test project get from the packages.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnet = Directory.EnumerateFiles(framework, "*.dll").Where(IsManaged);
        Assembly[] packages =
        [
            typeof(ILayerType).Assembly, typeof(BidText).Assembly, typeof(LayerHarness).Assembly, typeof(SKColor).Assembly,
            typeof(NullLogger).Assembly, typeof(Microsoft.Extensions.Logging.ILogger).Assembly, typeof(FactAttribute).Assembly,
            typeof(Assert).Assembly,
        ];
        return dotnet.Concat(packages.Select(a => a.Location)).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    }

    private static bool IsManaged(string dll)
    {
        try { AssemblyName.GetAssemblyName(dll); return true; }
        catch (BadImageFormatException) { return false; }
    }
}
