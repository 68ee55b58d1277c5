using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamEngine.Scripting.CSharp;

/// <summary>
/// Refuses what a show script has no business using although the core library offers it: files, threads and tasks
/// (which would escape the frame budget), reflection, interop, the process environment. This is a guard against
/// mistakes, not a security boundary: C# scripts run in the engine's process as trusted code (docs/scripting.md).
/// </summary>
internal static class ForbiddenApis
{
    private static readonly string[] Namespaces =
    [
        "System.IO", "System.Reflection", "System.Threading", "System.Runtime.InteropServices", "System.Runtime.Loader",
        "System.Runtime.CompilerServices.Unsafe", "System.Diagnostics", "System.Net", "System.Security", "System.Resources",
    ];

    private static readonly string[] Types =
    [
        "System.Environment", "System.AppContext", "System.AppDomain", "System.Activator", "System.GC", "System.Console", "System.Runtime.CompilerServices.RuntimeHelpers",
        "System.Runtime.CompilerServices.Unsafe", "System.Buffers.ArrayPool", "System.Runtime.InteropServices.Marshal",
    ];

    private static readonly string[] Members = ["System.Type.GetType", "System.Type.InvokeMember", "System.Type.GetTypeFromHandle", "System.Delegate.DynamicInvoke"];

    /// <summary>Every use of a forbidden API in the script, where it is.</summary>
    public static IEnumerable<(Location Location, string Api)> Find(SemanticModel model)
    {
        foreach (var node in model.SyntaxTree.GetRoot().DescendantNodes())
        {
            if (node is not (SimpleNameSyntax or ObjectCreationExpressionSyntax or InvocationExpressionSyntax)) continue;
            var symbol = model.GetSymbolInfo(node).Symbol;
            var type = model.GetTypeInfo(node).Type;
            if ((Forbidden(symbol) ?? Forbidden(type)) is { } api) yield return (node.GetLocation(), api);
        }
    }

    private static string? Forbidden(ISymbol? symbol)
    {
        if (symbol is null or INamespaceSymbol) return null;
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        while (type is IArrayTypeSymbol array) type = array.ElementType;
        if (type is null) return null;
        var typeName = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");
        var genericFree = typeName.Split('<')[0];
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        if (Namespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal))) return genericFree;
        if (Types.Contains(genericFree)) return genericFree;
        if (symbol is IMethodSymbol && Members.Contains($"{genericFree}.{symbol.Name}")) return $"{genericFree}.{symbol.Name}";
        return null;
    }
}
