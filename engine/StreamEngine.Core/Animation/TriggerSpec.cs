namespace StreamEngine.Core.Animation;

/// <summary>
/// Starts an animation when something happens. <see cref="On"/> is one of:
/// <c>started:ID</c>, <c>completed:ID</c>, <c>cancelled:ID</c>, <c>label:ID:LABEL</c> (animation events),
/// <c>event:NAME</c> (raised by chat, bids, scripts: <c>event:bid</c>), <c>every:SECONDS</c>, <c>after:SECONDS</c> (show-time timers).
/// </summary>
public sealed class TriggerSpec
{
    public string Id { get; set; } = "";

    public string On { get; set; } = "";

    /// <summary>What to start; a trigger that fires again while it runs replaces it (same id) unless its policy says otherwise.</summary>
    public AnimationSpec? Animation { get; set; }

    /// <summary>Timers: show time of the next firing (set by the engine, saved with the scene).</summary>
    public double? NextAt { get; set; }
}
