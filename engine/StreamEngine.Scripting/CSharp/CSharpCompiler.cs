using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting.CSharp;

/// <summary>
/// Compiles a .csx script with Roslyn scripting (globals: <see cref="ScriptGlobals"/>) into an assembly image, off the
/// frame thread, and caches it by content hash. It does not run it: Roslyn's own runner loads every submission into a
/// context that never unloads (dotnet/roslyn#41722), so <see cref="CSharpPrepared"/> loads the image into a collectible one.
/// </summary>
internal static class CSharpCompiler
{
    private const int CacheSize = 32;
    private static readonly ConcurrentDictionary<string, CSharpPrepared> Cache = new();

    public static CSharpPrepared Compile(string path, string source)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + source)));
        if (Cache.TryGetValue(key, out var cached)) return cached;
        var compiled = CompileNew(path, source);
        if (Cache.Count >= CacheSize) Cache.Clear();
        Cache[key] = compiled;
        return compiled;
    }

    /// <summary>Whether the last <see cref="Compile"/> of this exact text came from the cache (for tests and the log).</summary>
    public static bool IsCached(string path, string source) =>
        Cache.ContainsKey(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + source))));

    private static CSharpPrepared CompileNew(string path, string source)
    {
        var options = ScriptOptions.Default
            .WithReferences(ScriptReferences.Metadata)
            .WithImports(ScriptReferences.Imports)
            .WithFilePath(path)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(false)
            .WithMetadataResolver(NoReferences.Instance)
            .WithSourceResolver(NoSources.Instance);
        var compilation = CSharpScript.Create(source, options, typeof(ScriptGlobals)).GetCompilation();
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => At(path, d.Location, $"{d.Id}: {d.GetMessage()}"))
            .ToList();
        if (errors.Count == 0)
        {
            var tree = compilation.SyntaxTrees.Single();
            // System.IO.File names the API three times (System, IO, File): report each use once, where it starts.
            errors.AddRange(ForbiddenApis.Find(compilation.GetSemanticModel(tree))
                .Select(f => At(path, f.Location, $"{f.Api} is not available to show scripts (files, threads, reflection, interop and the process are off limits)"))
                .GroupBy(e => (e.Line, e.Message)).Select(g => g.First()));
        }
        if (errors.Count > 0) throw new ScriptLoadException(errors);

        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = compilation.Emit(image, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!emitted.Success)
            throw new ScriptLoadException([.. emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => At(path, d.Location, d.GetMessage()))]);
        var entry = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new ScriptLoadException([new ScriptError(path, 0, 0, "the compiled script has no entry point")]);
        return new CSharpPrepared(path, image.ToArray(), symbols.ToArray(), entry.ContainingType.MetadataName, entry.MetadataName);
    }

    private static ScriptError At(string path, Location location, string message)
    {
        var span = location.GetLineSpan();
        return location.IsInSource
            ? new ScriptError(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, message)
            : new ScriptError(path, 0, 0, message);
    }

    /// <summary>#r is refused: a script gets the SDK and the allow-listed assemblies only.</summary>
    private sealed class NoReferences : MetadataReferenceResolver
    {
        public static readonly NoReferences Instance = new();
        public override bool Equals(object? other) => other is NoReferences;
        public override int GetHashCode() => 1;
        public override System.Collections.Immutable.ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) => [];
    }

    /// <summary>#load is refused: a script is one file.</summary>
    private sealed class NoSources : SourceReferenceResolver
    {
        public static readonly NoSources Instance = new();
        public override bool Equals(object? other) => other is NoSources;
        public override int GetHashCode() => 2;
        public override string? NormalizePath(string path, string? baseFilePath) => null;
        public override string? ResolveReference(string path, string? baseFilePath) => null;
        public override Stream OpenRead(string resolvedPath) => throw new FileNotFoundException("#load is not available to show scripts", resolvedPath);
    }
}
