using System.Reflection;
using StreamEngine.Plugins.Easings;
using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Tests;

/// <summary>
/// Looks easings up the way the engine does: it creates every public easing and easing provider class of the plugin
/// (public, parameterless constructor), then asks the easings by name (case-insensitive) and otherwise each provider.
/// </summary>
internal static class EasingLookup
{
    public static readonly Assembly Plugin = typeof(LinearEasing).Assembly;

    public static readonly IReadOnlyList<IEasing> Easings = Create<IEasing>();

    public static readonly IReadOnlyList<IEasingProvider> Providers = Create<IEasingProvider>();

    /// <summary>The easing for <paramref name="specification"/>; fails the test when nothing in the plugin knows it.</summary>
    public static IEasing Resolve(string specification) =>
        Easings.FirstOrDefault(e => string.Equals(e.Name, specification, StringComparison.OrdinalIgnoreCase))
        ?? Providers.Select(p => p.Resolve(specification)).FirstOrDefault(e => e is not null)
        ?? throw new InvalidOperationException($"no easing in the plugin is called '{specification}'");

    public static IEnumerable<Type> PublicTypesImplementing<T>() =>
        Plugin.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t));

    private static List<T> Create<T>() => PublicTypesImplementing<T>().Select(t => (T)Activator.CreateInstance(t)!).ToList();
}
