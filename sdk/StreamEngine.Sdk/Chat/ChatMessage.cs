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
    FrameTime ShownAt)
{
    /// <summary>The platform's stable id of the author, or null when the source gave none (the API, the simulated audience).</summary>
    public string? AuthorId { get; init; }

    /// <summary>When the platform says it was sent, or null when not known.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The names mentioned in the text (without the <c>@</c>).</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    /// <summary>The emotes in the text, where they are.</summary>
    public IReadOnlyList<ChatEmote> Emotes { get; init; } = [];

    /// <summary>The platform id of the message this one replies to, or null.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>What the chat stages found in the message, in stage order (see <see cref="IChatStage"/>).</summary>
    public IReadOnlyList<ChatAnnotation> Annotations { get; init; } = [];

    /// <summary>
    /// The classifier's verdict: the last annotation of kind <c>bid</c>, <c>question</c> or <c>other</c> (with amount,
    /// currency, raise, sentiment, confidence, flags), or null when no classifier stage ran.
    /// </summary>
    public ChatAnnotation? Verdict => Annotations.LastOrDefault(a => a.Kind is "bid" or "question" or "other");

    /// <summary>This message with one more annotation.</summary>
    /// <param name="annotation">What a stage found.</param>
    public ChatMessage Annotated(ChatAnnotation annotation) => this with { Annotations = [.. Annotations, annotation] };
}
