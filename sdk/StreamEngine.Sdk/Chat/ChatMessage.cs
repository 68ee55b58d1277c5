namespace StreamEngine.Sdk.Chat;

/// <summary>One chat message as the show sees it, whatever platform it came from.</summary>
/// <param name="Sequence">Position in the show's chat feed: 1, 2, 3 … in arrival order.</param>
/// <param name="Id">The platform's id of the message (or one made up by the engine).</param>
/// <param name="Source">Where it came from: <c>x</c>, <c>twitch</c>, <c>youtube</c>, <c>irc</c>, <c>api</c>.</param>
/// <param name="Author">Display name of the author.</param>
/// <param name="Text">The message text.</param>
/// <param name="Badges">The author's badges, for example <c>moderator</c>, <c>subscriber</c>, <c>verified</c>.</param>
/// <param name="Color">The author's name color as CSS text, when the platform gives one.</param>
/// <param name="Highlight">Why the message stands out (<c>bid</c>, <c>question</c>, <c>mention</c>, <c>moderator</c>), or null.</param>
/// <param name="ShownAt">The frame at which the message entered the show.</param>
public sealed record ChatMessage(
    long Sequence,
    string Id,
    string Source,
    string Author,
    string Text,
    IReadOnlyList<string> Badges,
    string? Color,
    string? Highlight,
    FrameTime ShownAt);
