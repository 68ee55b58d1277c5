namespace StreamEngine.Sdk.Chat;

/// <summary>A chat message as a source posts it, normalised whatever the platform; the engine numbers it and stamps its frame.</summary>
/// <param name="Id">The platform's id of the message (unique within the source).</param>
/// <param name="AuthorId">The platform's stable id of the author (a user id, not the display name).</param>
/// <param name="Author">The author's display name.</param>
/// <param name="Text">The message text.</param>
/// <param name="SentAt">When the platform says it was sent.</param>
public sealed record IncomingChatMessage(string Id, string AuthorId, string Author, string Text, DateTimeOffset SentAt)
{
    /// <summary>The author's badges and roles, for example <c>moderator</c>, <c>subscriber</c>, <c>verified</c>, <c>broadcaster</c>.</summary>
    public IReadOnlyList<string> Badges { get; init; } = [];

    /// <summary>The author's name color as CSS text (<c>#ff8800</c>), when the platform gives one.</summary>
    public string? Color { get; init; }

    /// <summary>The names mentioned in the text (without the <c>@</c>).</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    /// <summary>The emotes in the text, where they are.</summary>
    public IReadOnlyList<ChatEmote> Emotes { get; init; } = [];

    /// <summary>The platform id of the message this one replies to, or null.</summary>
    public string? ReplyTo { get; init; }
}

/// <summary>An emote in a message's text.</summary>
/// <param name="Name">The emote's name (its text, for example <c>Kappa</c>).</param>
/// <param name="Start">Index of its first character in the text.</param>
/// <param name="Length">How many characters of the text it replaces.</param>
/// <param name="ImageUrl">Where its picture is, when the platform gives one.</param>
public sealed record ChatEmote(string Name, int Start, int Length, string? ImageUrl = null);
