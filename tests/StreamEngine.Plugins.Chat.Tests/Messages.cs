using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>Chat messages as the engine hands them to stages, at a given second of show time.</summary>
internal static class Messages
{
    private static int _next;

    public static ChatMessage At(double seconds, string text, string author = "ana", string source = "twitch", IReadOnlyList<string>? badges = null, string? id = null) =>
        new(0, id ?? $"m{Interlocked.Increment(ref _next)}", source, author, text, badges ?? [], null, null, new FrameTime((long)Math.Round(seconds * 30), 30));
}

/// <summary>A wall clock the test moves by hand (ban timeouts end on the wall clock).</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
