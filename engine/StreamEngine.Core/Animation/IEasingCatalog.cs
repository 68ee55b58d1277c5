using StreamEngine.Sdk.Animation;

namespace StreamEngine.Core.Animation;

/// <summary>Where animations find easings by name or specification; the plugin loader provides the plugins' easings.</summary>
public interface IEasingCatalog
{
    /// <summary>The easing for a name (<c>easeOutBack</c>) or a specification (<c>cubic-bezier(…)</c>); throws <see cref="FormatException"/> naming it when unknown.</summary>
    IEasing Resolve(string specification);
}

/// <summary>Only <c>linear</c>: what the engine can do with no easing plugin loaded.</summary>
public sealed class LinearOnlyEasings : IEasingCatalog
{
    public static readonly IEasing Linear = new LinearEasing();

    public IEasing Resolve(string specification) => specification.Equals("linear", StringComparison.OrdinalIgnoreCase)
        ? Linear
        : throw new FormatException($"easing '{specification}' is unknown: no easing plugin provides it");

    private sealed class LinearEasing : IEasing
    {
        public string Name => "linear";

        public double Ease(double t) => t;
    }
}
