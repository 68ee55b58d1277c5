using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings;

/// <summary>
/// <c>linear</c>: progress unchanged. It is also the whole recipe for adding an easing: a public class with a public
/// parameterless constructor that implements <see cref="IEasing"/>. The engine finds it when it loads the plugin, and
/// its <see cref="Name"/> then works wherever an easing is named (scene files, the API, scripts), case-insensitively.
/// </summary>
public sealed class LinearEasing : IEasing
{
    public string Name => "linear";

    public double Ease(double t) => t;
}
