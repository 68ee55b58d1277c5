namespace StreamEngine.Sdk.Animation;

/// <summary>
/// An easing: maps linear progress 0..1 to eased progress (which may overshoot, as back and elastic easings do).
/// A plugin adds one by implementing this interface (found at load time) or an <see cref="IEasingProvider"/>;
/// its name then works everywhere an easing is named: scene files, the API, scripts.
/// </summary>
public interface IEasing
{
    /// <summary>The name used to refer to it, for example <c>easeOutBack</c>.</summary>
    string Name { get; }

    /// <summary>Eased progress for linear progress <paramref name="t"/> in [0, 1]; 0 at 0 and 1 at 1.</summary>
    double Ease(double t);
}

/// <summary>
/// Resolves easing specifications that take arguments or have aliases, such as <c>cubic-bezier(0.25, 0.1, 0.25, 1)</c>,
/// <c>steps(4, jump-end)</c>, <c>spring(1, 100, 10, 0)</c> or <c>ease-in-out</c>.
/// </summary>
public interface IEasingProvider
{
    /// <summary>
    /// The easing for <paramref name="specification"/>, or null when this provider does not know it.
    /// Throws <see cref="FormatException"/> (naming the specification and what was expected) when it knows the
    /// function but its arguments are wrong.
    /// </summary>
    IEasing? Resolve(string specification);
}
