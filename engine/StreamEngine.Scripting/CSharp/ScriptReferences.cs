using System.Reflection;
using Microsoft.CodeAnalysis;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting.CSharp;

/// <summary>
/// What a C# script is compiled against: the SDK, the engine's <see cref="ScriptGlobals"/>, and an allow-list of base-library assemblies — no file system,
/// network, process or reflection assemblies. <see cref="ForbiddenApis"/> closes what the core library itself offers.
/// </summary>
internal static class ScriptReferences
{
    public static readonly string[] AllowedAssemblies =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq", "System.Text.Json",
        "System.Text.RegularExpressions", "System.Memory", "System.Runtime.Numerics", "netstandard",
    ];

    public static readonly string[] Imports =
    [
        "System", "System.Linq", "System.Collections.Generic", "System.Text.Json.Nodes", "StreamEngine.Sdk", "StreamEngine.Sdk.Chat",
        "StreamEngine.Sdk.Scripting",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(() =>
    [
        .. AllowedAssemblies.Select(name => MetadataReference.CreateFromFile(Assembly.Load(name).Location)),
        MetadataReference.CreateFromFile(typeof(IShowApi).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ScriptGlobals).Assembly.Location),
    ]);

    public static IReadOnlyList<MetadataReference> Metadata => All.Value;
}
