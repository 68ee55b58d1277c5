using System.Collections.Frozen;
using System.Text;
using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

/// <summary>
/// The Penner easings under CSS-style kebab-case names as well: <c>ease-in-sine</c> is <c>easeInSine</c>,
/// <c>ease-in-out-back</c> is <c>easeInOutBack</c>. The canonical camelCase names need no provider; the engine
/// finds those easings by their <see cref="IEasing.Name"/>.
/// </summary>
public sealed class KebabCaseNames : IEasingProvider
{
    private static readonly FrozenDictionary<string, IEasing> ByKebabName = new IEasing[]
    {
        new EaseInSine(), new EaseOutSine(), new EaseInOutSine(),
        new EaseInQuad(), new EaseOutQuad(), new EaseInOutQuad(),
        new EaseInCubic(), new EaseOutCubic(), new EaseInOutCubic(),
        new EaseInQuart(), new EaseOutQuart(), new EaseInOutQuart(),
        new EaseInQuint(), new EaseOutQuint(), new EaseInOutQuint(),
        new EaseInExpo(), new EaseOutExpo(), new EaseInOutExpo(),
        new EaseInCirc(), new EaseOutCirc(), new EaseInOutCirc(),
        new EaseInBack(), new EaseOutBack(), new EaseInOutBack(),
        new EaseInElastic(), new EaseOutElastic(), new EaseInOutElastic(),
        new EaseInBounce(), new EaseOutBounce(), new EaseInOutBounce(),
    }.ToFrozenDictionary(e => ToKebabCase(e.Name), StringComparer.OrdinalIgnoreCase);

    public IEasing? Resolve(string specification) => ByKebabName.GetValueOrDefault(specification.Trim());

    private static string ToKebabCase(string camelCase)
    {
        var kebab = new StringBuilder();
        foreach (var c in camelCase)
        {
            if (char.IsUpper(c))
                kebab.Append('-');
            kebab.Append(char.ToLowerInvariant(c));
        }
        return kebab.ToString();
    }
}
