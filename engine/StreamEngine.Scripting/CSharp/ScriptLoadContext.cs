using System.Reflection;
using System.Runtime.Loader;

namespace StreamEngine.Scripting.CSharp;

/// <summary>
/// A collectible load context for one version of a C# script. It loads nothing itself, so the SDK and the base library
/// resolve to the engine's own copies (the globals type must be the engine's) and the context unloads when the
/// version is replaced.
/// </summary>
internal sealed class ScriptLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
