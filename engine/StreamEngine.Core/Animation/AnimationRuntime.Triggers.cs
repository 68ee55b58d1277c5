using Microsoft.Extensions.Logging;
using System.Globalization;

namespace StreamEngine.Core.Animation;

public sealed partial class AnimationRuntime
{
    private readonly List<TriggerSpec> _triggers = [];

    /// <summary>Adds (or replaces, by id) a trigger; timers count from the frame it is added.</summary>
    public Task AddTriggerAsync(TriggerSpec trigger) => Enqueue(() =>
    {
        Check(trigger);
        _triggers.RemoveAll(t => t.Id == trigger.Id);
        if (Timer(trigger) is { } seconds) trigger.NextAt ??= _now + seconds;
        _triggers.Add(trigger);
        return true;
    });

    public Task RemoveTriggerAsync(string id) => Enqueue(() => _triggers.RemoveAll(t => t.Id == id) > 0
        ? true
        : throw new KeyNotFoundException($"trigger '{id}' does not exist"));

    /// <summary>Raises a named show event (<c>bid</c>, <c>sold</c>, <c>question</c> …) for <c>event:NAME</c> triggers.</summary>
    public Task RaiseAsync(string eventName) => Enqueue(() =>
    {
        foreach (var trigger in _triggers.Where(t => t.On == "event:" + eventName).ToList()) Fire(trigger);
        return true;
    });

    public Task<IReadOnlyList<TriggerSpec>> TriggersAsync() => Enqueue<IReadOnlyList<TriggerSpec>>(() => [.. _triggers]);

    private void FireTimers()
    {
        foreach (var trigger in _triggers.ToList())
        {
            if (trigger.NextAt is not { } at || at > _now) continue;
            Fire(trigger);
            trigger.NextAt = trigger.On.StartsWith("every:", StringComparison.Ordinal) ? at + Timer(trigger)!.Value : null;
            if (trigger.NextAt is null) _triggers.Remove(trigger);
        }
    }

    private void FireTriggers(AnimationEvent e)
    {
        var on = e.Kind switch
        {
            AnimationEventKind.Started => $"started:{e.AnimationId}",
            AnimationEventKind.Completed => $"completed:{e.AnimationId}",
            AnimationEventKind.Cancelled => $"cancelled:{e.AnimationId}",
            AnimationEventKind.Label => $"label:{e.AnimationId}:{e.Label}",
            _ => null,
        };
        if (on is null) return;
        foreach (var trigger in _triggers.Where(t => t.On == on).ToList()) Fire(trigger);
    }

    private void Fire(TriggerSpec trigger)
    {
        var spec = trigger.Animation!.Clone();
        spec.Id ??= trigger.Id;
        spec.Start = null;
        try { Start(spec); }
        catch (Exception e) when (e is FormatException or KeyNotFoundException)
        {
            logger.LogError("Trigger {Trigger} ({On}) could not start its animation: {Error}", trigger.Id, trigger.On, e.Message);
        }
    }

    internal static void Check(TriggerSpec trigger)
    {
        if (string.IsNullOrWhiteSpace(trigger.Id)) throw new FormatException("trigger.id: expected a non-empty string");
        if (trigger.Animation is null) throw new FormatException($"trigger '{trigger.Id}'.animation: expected an animation to start");
        var kind = trigger.On.Split(':')[0];
        var known = kind is "started" or "completed" or "cancelled" or "label" or "event" or "every" or "after";
        if (!known || trigger.On.Length <= kind.Length + 1)
            throw new FormatException($"trigger '{trigger.Id}'.on: '{trigger.On}' is not one of started:ID, completed:ID, cancelled:ID, label:ID:LABEL, event:NAME, every:SECONDS, after:SECONDS");
        if (kind is "every" or "after" && Timer(trigger) is not > 0)
            throw new FormatException($"trigger '{trigger.Id}'.on: '{trigger.On}' needs a number of seconds > 0");
    }

    private static double? Timer(TriggerSpec trigger)
    {
        var parts = trigger.On.Split(':', 2);
        return parts[0] is "every" or "after" && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
    }
}
