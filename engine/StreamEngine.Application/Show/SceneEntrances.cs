using StreamEngine.Core.Animation;

namespace StreamEngine.Application;

/// <summary>
/// The scene file's animations whose layers all wait off air when the show starts (a show opening on its intro, with
/// the auction scene's entrances in the file): each starts when its layers come on air, from its beginning. Started
/// with the show, as the others are, it found none of its layers on screen and never played, so they came on air as
/// the file left them, transparent and off their place.
/// </summary>
public sealed class SceneEntrances(AnimationRuntime animations)
{
    private readonly Lock _lock = new();
    private readonly List<(AnimationSpec Spec, HashSet<string> Layers)> _waiting = [];

    /// <summary>Entrances still waiting for their layers.</summary>
    public int Waiting
    {
        get { lock (_lock) return _waiting.Count; }
    }

    /// <summary>Keeps <paramref name="spec"/> for later when none of its layers is on screen and all of them wait off air.</summary>
    public bool Hold(AnimationSpec spec, IReadOnlySet<string> onScreen, Func<string, bool> offAir)
    {
        var layers = SceneAnimations.Targets(spec).ToHashSet();
        if (layers.Count == 0 || layers.Any(onScreen.Contains) || !layers.All(offAir)) return false;
        lock (_lock) _waiting.Add((spec, layers));
        return true;
    }

    /// <summary>Frame thread, as a scene goes on air: the entrances whose layers are all on screen now start, at this frame.</summary>
    public void CameOnAir(IReadOnlyCollection<string> onScreen)
    {
        List<AnimationSpec> ready;
        lock (_lock)
        {
            ready = [.. _waiting.Where(w => w.Layers.All(onScreen.Contains)).Select(w => w.Spec)];
            _waiting.RemoveAll(w => ready.Contains(w.Spec));
        }
        foreach (var spec in ready) _ = animations.StartAsync(spec);
    }
}
