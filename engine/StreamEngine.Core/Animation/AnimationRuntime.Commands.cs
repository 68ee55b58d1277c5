using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace StreamEngine.Core.Animation;

public sealed partial class AnimationRuntime
{
    private readonly ConcurrentQueue<Action> _commands = new();
    private long _nextId;

    /// <summary>Animations that may run at once (MAX_ANIMATIONS); starting one more is refused with the reason.</summary>
    public int MaxRunning { get; set; } = 1000;

    /// <summary>Starts an animation or timeline at the next frame (or at its <see cref="AnimationSpec.Start"/>); returns its id.</summary>
    public Task<string> StartAsync(AnimationSpec spec) => Enqueue(() => Start(spec.Clone()));

    /// <summary>
    /// Starts an animation like <see cref="StartAsync(AnimationSpec)"/>; with <paramref name="keepWhenDone"/> false it is
    /// removed when it ends even though it has an id (a script names its animations to follow their events).
    /// </summary>
    public Task<string> StartAsync(AnimationSpec spec, bool keepWhenDone) => Enqueue(() => Start(spec.Clone(), keepWhenDone));

    /// <summary>Stops and removes it; its properties keep their current values.</summary>
    public Task StopAsync(string id) => Enqueue(() => { Cancel(Find(id)); return true; });

    public Task PauseAsync(string id) => Control(id, run => { run.Playback.Rebase(_now, run.Spec.Speed); run.Playback.Paused = true; });

    public Task ResumeAsync(string id) => Control(id, run => { run.Playback.AnchorTime = _now; run.Playback.Paused = false; });

    /// <summary>Jumps to a local time in seconds, or to a label.</summary>
    public Task SeekAsync(string id, double? seconds, string? label = null) => Control(id, run =>
    {
        var target = label is null ? seconds ?? 0 : LabelTime(run, label);
        run.Playback.AnchorLocal = Math.Clamp(target, 0, run.LocalEnd);
        run.Playback.AnchorTime = _now;
        run.PreviousLocal = double.NaN;
    });

    /// <summary>Plays it backwards from where it is (or forwards again).</summary>
    public Task ReverseAsync(string id) => Control(id, run =>
    {
        run.Playback.Rebase(_now, run.Spec.Speed);
        run.Playback.Reversed = !run.Playback.Reversed;
    });

    public Task SetSpeedAsync(string id, double speed) => Control(id, run =>
    {
        if (speed is <= 0 or > 100 || !double.IsFinite(speed)) throw new FormatException($"speed: expected a number > 0 and <= 100, got {speed}");
        run.Playback.Rebase(_now, run.Spec.Speed);
        run.Spec.Speed = speed;
    });

    /// <summary>Starts saved animations where they were (their playback and resolved start values are in the specs).</summary>
    public Task RestoreAsync(IEnumerable<AnimationSpec> saved) => Enqueue(() =>
    {
        foreach (var spec in saved.Select(s => s.Clone()))
        {
            try { Add(spec, _compiler.Compile(spec, $"animation '{spec.Id}'")); }
            catch (FormatException e) { logger.LogError("Saved animation {Id} cannot be restored: {Error}", spec.Id, e.Message); }
        }
        return true;
    });

    /// <summary>Copies of the running animations with their playback: what the state store saves.</summary>
    public Task<IReadOnlyList<AnimationSpec>> SnapshotAsync() =>
        Enqueue<IReadOnlyList<AnimationSpec>>(() => [.. _runs.Select(r => r.Spec.Clone())]);

    private string Start(AnimationSpec spec, bool? keepWhenDone = null)
    {
        var userId = keepWhenDone ?? spec.Id is not null;
        var id = spec.Id ??= $"anim-{++_nextId}";
        if (spec.Speed is <= 0 or > 100) throw new FormatException($"animation '{spec.Id}'.speed: expected a number > 0 and <= 100, got {spec.Speed}");
        var start = Math.Max(spec.Start ?? _now, _now);
        // Effects become the tweens they stand for before anything else: what runs, is saved and restored is plain.
        spec = EffectPresets.ExpandAll(spec, scene, $"animation '{spec.Id}'");
        var node = _compiler.Compile(spec, $"animation '{spec.Id}'");
        var touches = node.Touches().ToHashSet();
        var overlapping = _runs.Where(r => r.Id == spec.Id || r.Touches.Overlaps(touches)).ToList();
        switch (spec.Policy)
        {
            case InterruptionPolicy.Replace:
                node = HandOverSpring(spec, node, overlapping) ?? node;
                overlapping.ForEach(Cancel);
                break;
            case InterruptionPolicy.Queue:
                start = overlapping.Select(r => r.EndsAt(_now)).Append(start).Max();
                if (double.IsInfinity(start)) throw new FormatException($"animation '{spec.Id}': cannot queue behind an animation that is paused or never ends");
                break;
            case InterruptionPolicy.Blend:
                foreach (var old in overlapping) old.BlendOutAt = start + spec.BlendDuration;
                break;
        }
        // Each running animation costs the frame thread every frame: their number is bounded whoever starts them.
        if (_runs.Count >= MaxRunning)
            throw new Scene.SceneException($"animation '{spec.Id}': {_runs.Count} animations are running, the most MAX_ANIMATIONS allows ({MaxRunning}); stop one first", "animation");
        spec.Start = start;
        spec.Playback = new Playback { AnchorTime = start };
        var run = Add(spec, node, userId);
        Version++;
        if (spec.Policy == InterruptionPolicy.Blend && overlapping.Count > 0) run.BlendInFrom = start;
        return id;
    }

    /// <summary>A spring replacing a running spring on the same property starts from its position and velocity: no jump.</summary>
    private AnimationNode? HandOverSpring(AnimationSpec spec, AnimationNode node, List<AnimationRun> overlapping)
    {
        if (spec is not SpringSpec spring || node is not SpringNode) return null;
        var old = overlapping.LastOrDefault(r => r.Node is SpringNode && !r.Finished && r.Touches.SetEquals(node.Touches()));
        if (old is null) return null;
        var (position, velocity) = ((SpringNode)old.Node).StateAt(Math.Max(0, old.LocalAt(_now) - old.Spec.Delay));
        spring.From = position;
        spring.Velocity = velocity;
        return _compiler.Compile(spring, $"animation '{spec.Id}'");
    }

    private AnimationRun Add(AnimationSpec spec, AnimationNode node, bool keepWhenDone = true)
    {
        var run = new AnimationRun(spec, node, keepWhenDone);
        _runs.Add(run);
        return run;
    }

    private void Cancel(AnimationRun run)
    {
        _runs.Remove(run);
        if (!run.Finished) Raise(run, AnimationEventKind.Cancelled);
    }

    private AnimationRun Find(string id) =>
        _runs.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"animation '{id}' is not running");

    private static double LabelTime(AnimationRun run, string label) =>
        run.Node.Labels().Where(l => l.Label == label).Select(l => run.Spec.Delay + l.At).DefaultIfEmpty(double.NaN).First() is var t && double.IsNaN(t)
            ? throw new KeyNotFoundException($"animation '{run.Id}' has no label '{label}'")
            : t;

    private Task Control(string id, Action<AnimationRun> change) => Enqueue(() =>
    {
        var run = Find(id);
        change(run);
        run.Finished = false;
        return true;
    });

    private Task<T> Enqueue<T>(Func<T> command)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _commands.Enqueue(() =>
        {
            try { done.SetResult(command()); }
            catch (Exception e) when (e is FormatException or KeyNotFoundException or ArgumentException) { done.SetException(e); }
        });
        return done.Task;
    }

    /// <summary>Changes whenever animations or triggers are started, stopped or controlled: what must be saved.</summary>
    public long Version { get; private set; }

    /// <summary>Copies of the running animations and the triggers, with their playback. Frame thread only (a frame hook).</summary>
    public (IReadOnlyList<AnimationSpec> Animations, IReadOnlyList<TriggerSpec> Triggers) Snapshot() =>
        ([.. _runs.Select(r => r.Spec.Clone())], [.. _triggers.Select(AnimationJson.Clone)]);

    private void ApplyCommands()
    {
        while (_commands.TryDequeue(out var command))
        {
            command();
            Version++;
        }
    }
}
