namespace StreamEngine.Core.Animation;

/// <summary>Something an animation did, for scripts, triggers and the API.</summary>
/// <param name="AnimationId">Id of the top-level animation or timeline.</param>
/// <param name="Kind">What happened.</param>
/// <param name="ShowTime">Show time in seconds (frame index / fps).</param>
/// <param name="Label">The label passed, for <see cref="AnimationEventKind.Label"/>.</param>
public sealed record AnimationEvent(string AnimationId, AnimationEventKind Kind, double ShowTime, string? Label = null);

public enum AnimationEventKind { Started, Frame, Label, Completed, Cancelled }
