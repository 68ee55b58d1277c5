using System.Reflection;
using System.Runtime.CompilerServices;

namespace StreamEngine.Plugins;

/// <summary>
/// Compiles the code a plugin swap runs on the frame thread (the catalog's replace, the compositor's adopt, the
/// handlers of <see cref="PluginCatalog.Replaced"/>) ahead, on the loading thread: the first swap of a run otherwise
/// spent 5-10 ms of the swap frame compiling it, where later swaps take under one.
/// </summary>
internal static class SwapCode
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly HashSet<Type> Compiled = [];

    /// <summary>Compiles every method of <paramref name="types"/> and of their nested types (lambdas live there) not compiled yet.</summary>
    public static void Compile(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            lock (Compiled)
                if (!Compiled.Add(type)) continue;
            foreach (var method in type.GetMethods(Declared).Where(m => !m.IsAbstract && !m.ContainsGenericParameters))
            {
                try { RuntimeHelpers.PrepareMethod(method.MethodHandle); }
                catch (Exception e) when (e is ArgumentException or TypeLoadException or BadImageFormatException) { } // compiled on first call instead
            }
            if (!type.ContainsGenericParameters) Compile(type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public));
        }
    }
}
