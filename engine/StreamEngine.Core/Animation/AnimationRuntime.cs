using Microsoft.Extensions.Logging;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Animation;

/// <summary>
/// Plays animations and timelines on the frame thread: each frame, every running animation is evaluated at its local
/// time (a pure function of show time) and written into the layers, in the order they started, so the newest wins.
/// Changes arrive as queued commands (see the partial file), applied at the frame boundary like scene commands.
/// </summary>
public sealed partial class AnimationRuntime(SceneGraph scene, IEasingCatalog easings, ILogger<AnimationRuntime> logger) : IFrameHook
{
    private readonly List<AnimationRun> _runs = [];
    private readonly AnimationContext _context = new(scene);
    private readonly AnimationCompiler _compiler = new(easings, scene);
    private double _now;

    /// <summary>Raised on the frame thread; handlers must be quick and must not throw (errors are logged).</summary>
    public event Action<AnimationEvent>? Events;

    /// <summary>Whether <see cref="AnimationEventKind.Frame"/> events are raised (one per running animation per frame).</summary>
    public bool RaiseFrameEvents { get; set; }

    /// <summary>Animations being played (or held at their end), frame thread only.</summary>
    public int Count => _runs.Count;

    public void OnFrame(FrameTime time)
    {
        _now = time.Seconds;
        ApplyCommands();
        FireTimers();
        for (var i = 0; i < _runs.Count; i++)
        {
            var run = _runs[i];
            if (run.Finished) continue;
            try { Play(run); }
            catch (Exception e)
            {
                logger.LogError(e, "Animation {Id} failed at {Time:0.000} s and was stopped", run.Id, _now);
                run.Finished = true;
                Raise(run, AnimationEventKind.Cancelled);
            }
        }
        if (_runs.RemoveAll(r => (r.Finished && !r.KeepWhenDone) || r.BlendOutAt <= _now) > 0) Version++;
        scene.ApplyOrderChanges();
    }

    private void Play(AnimationRun run)
    {
        var local = run.LocalAt(_now);
        if (!run.Started && !run.Playback.Reversed && local < run.Spec.Delay) return;
        _context.Weight = run.BlendWeight(_now);
        run.Node.ApplyAt(Math.Max(0, local - run.Spec.Delay), _context);
        if (!run.Started)
        {
            run.Started = true;
            Raise(run, AnimationEventKind.Started);
        }
        RaiseLabelsPassed(run, local);
        if (RaiseFrameEvents) Raise(run, AnimationEventKind.Frame);
        if (run.IsDoneAt(local))
        {
            run.Finished = true;
            Raise(run, AnimationEventKind.Completed);
        }
    }

    private void RaiseLabelsPassed(AnimationRun run, double local)
    {
        var previous = run.PreviousLocal;
        run.PreviousLocal = local;
        if (double.IsNaN(previous) || previous == local) return;
        var (lo, hi) = previous < local ? (previous, local) : (local, previous);
        foreach (var (label, at) in run.Node.Labels())
        {
            var t = run.Spec.Delay + at;
            if (t > lo && t <= hi) Raise(run, AnimationEventKind.Label, label);
        }
    }

    private void Raise(AnimationRun run, AnimationEventKind kind, string? label = null)
    {
        var e = new AnimationEvent(run.Id, kind, _now, label);
        FireTriggers(e);
        try { Events?.Invoke(e); }
        catch (Exception ex) { logger.LogError(ex, "An animation event handler failed on {Event}", e); }
    }
}
