using StreamEngine.Sdk.Chat;

namespace StreamEngine.Sdk.Testing;

/// <summary>
/// The chat a layer sees (<see cref="LayerContext.Chat"/>), filled by the test: each <c>Post</c> is a message
/// that has passed the chat stages, numbered and stamped with the clock's frame as the engine's chat feed does.
/// </summary>
public sealed class FakeChatFeed(ManualFrameClock clock) : IChatFeed
{
    private readonly List<ChatMessage> _messages = [];
    private long _version;

    /// <inheritdoc />
    public long LastSequence => _messages.Count == 0 ? 0 : _messages[^1].Sequence;

    /// <inheritdoc />
    public long Version => _version;

    /// <summary>Every message posted, oldest first.</summary>
    public IReadOnlyList<ChatMessage> Messages => _messages;

    /// <summary>Posts a message from <paramref name="author"/>; returns it.</summary>
    /// <param name="author">The author's display name.</param>
    /// <param name="text">The text.</param>
    /// <param name="highlight">How the chat layer shows it (<c>bid</c>, <c>question</c> …), or null.</param>
    /// <param name="badges">Badges such as <c>moderator</c>.</param>
    /// <param name="source">The chat source's id.</param>
    public ChatMessage Post(string author, string text, string? highlight = null, IReadOnlyList<string>? badges = null, string source = "test")
    {
        var sequence = LastSequence + 1;
        var message = new ChatMessage(sequence, $"{source}-{sequence}", source, author, text, badges ?? [], null, highlight, clock.Now)
        { AuthorId = author.ToLowerInvariant(), SentAt = DateTimeOffset.UnixEpoch.AddSeconds(clock.Now.Seconds) };
        return Post(message);
    }

    /// <summary>Posts a message as given (annotations, color, emotes …).</summary>
    public ChatMessage Post(ChatMessage message)
    {
        _messages.Add(message);
        _version++;
        return message;
    }

    /// <summary>Takes a message out of the chat, as a platform's removal does; the layer draws again without it.</summary>
    public bool Retract(string messageId)
    {
        var removed = _messages.RemoveAll(m => m.Id == messageId) > 0;
        if (removed) _version++;
        return removed;
    }

    /// <inheritdoc />
    public int CopyLatest(Span<ChatMessage> destination)
    {
        var count = Math.Min(destination.Length, _messages.Count);
        for (var i = 0; i < count; i++) destination[i] = _messages[_messages.Count - count + i];
        return count;
    }
}
