using StreamEngine.Application;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// Bits of <c>eventSubscriptions</c> in Identify and Reidentify, and the <c>eventIntent</c> of an event.
/// Fixed by the protocol: they do not follow changes to <see cref="EventCategory"/>.
/// </summary>
[Flags]
public enum EventSubscription
{
    None = 0,
    Layers = 1 << 0,
    Outputs = 1 << 1,
    Animations = 1 << 2,
    Stats = 1 << 3,
    Chat = 1 << 4,
    Errors = 1 << 5,
    Behaviours = 1 << 6,

    /// <summary>The default when Identify has no <c>eventSubscriptions</c>.</summary>
    All = Layers | Outputs | Animations | Stats | Chat | Errors | Behaviours,

    /// <summary>The program output as JPEG frames, about 10 a second: heavy, so only on request (not in <see cref="All"/>).</summary>
    Preview = 1 << 7,
}

internal static class EventSubscriptions
{
    public static EventSubscription IntentOf(EventCategory category)
    {
        var intent = EventSubscription.None;
        if (category.HasFlag(EventCategory.Layers)) intent |= EventSubscription.Layers;
        if (category.HasFlag(EventCategory.Outputs)) intent |= EventSubscription.Outputs;
        if (category.HasFlag(EventCategory.Animations)) intent |= EventSubscription.Animations;
        if (category.HasFlag(EventCategory.Stats)) intent |= EventSubscription.Stats;
        if (category.HasFlag(EventCategory.Chat)) intent |= EventSubscription.Chat;
        if (category.HasFlag(EventCategory.Errors)) intent |= EventSubscription.Errors;
        if (category.HasFlag(EventCategory.Behaviours)) intent |= EventSubscription.Behaviours;
        if (category.HasFlag(EventCategory.Preview)) intent |= EventSubscription.Preview;
        return intent;
    }
}
