using System.Collections.Concurrent;
using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Core.Chat;

/// <summary>A message as posted by a chat source or the API, before the feed numbers it and gives it its frame.</summary>
public sealed record ChatPost(string Source, string Author, string Text, IReadOnlyList<string>? Badges = null, string? Color = null, string? Highlight = null, string? Id = null)
{
    /// <summary>What a chat source gave beyond the basics (author id, mentions, emotes, reply-to, time sent).</summary>
    public IncomingChatMessage? Incoming { get; init; }

    /// <summary>A chat source's message, posted under the source's id; text and names cut to the API's limits (500 and 64 characters).</summary>
    /// The lists are copied: a list a plugin made may be of a type its assembly defines, which would keep an unloaded version alive.
    public static ChatPost From(string source, IncomingChatMessage m) =>
        new(source, Cut(m.Author, 64), Cut(m.Text, 500), [.. (m.Badges ?? []).Take(16)], m.Color, null, Cut(m.Id, 128))
        {
            Incoming = m with { Badges = [], Mentions = [.. (m.Mentions ?? []).Take(32)], Emotes = [.. (m.Emotes ?? []).Take(64)] },
        };

    private static string Cut(string? text, int length) => text is null ? "" : text.Length <= length ? text : text[..length];
}

/// <summary>
/// The show's chat: messages are posted from any thread and enter the feed at the next frame boundary, numbered,
/// stamped with that frame, and highlighted (bid, moderator, question) when their source did not say. Only the newest <see cref="Capacity"/> are kept, so memory stays flat however long the show.
/// </summary>
public sealed class ChatFeed(int capacity = 256) : IChatFeed, IFrameHook
{
    private readonly ConcurrentQueue<ChatPost> _posted = new();
    private readonly ChatMessage[] _ring = new ChatMessage[capacity];
    private readonly List<ChatMessage> _arriving = [];
    private long _last;

    public int Capacity => capacity;

    public long LastSequence => _last;

    /// <summary>Raised on the frame thread for every message as it enters the feed.</summary>
    public event Action<ChatMessage>? MessageShown;

    /// <summary>The stages messages pass before they enter (none until configured); set between frames.</summary>
    public ChatStageChain? Stages { get; set; }

    public void Post(ChatPost post) => _posted.Enqueue(post);

    public void OnFrame(FrameTime time)
    {
        _arriving.Clear();
        while (_posted.TryDequeue(out var post)) _arriving.Add(Message(post, _last + _arriving.Count + 1, time));
        if (_arriving.Count == 0 && Stages is not { Waiting: > 0 }) return;
        foreach (var entered in Stages is { } stages ? stages.Run(_arriving, time) : _arriving)
        {
            var sequence = _last + 1;
            var message = entered with { Sequence = sequence, ShownAt = time };
            _ring[sequence % capacity] = message;
            _last = sequence;
            MessageShown?.Invoke(message);
        }
    }

    private static ChatMessage Message(ChatPost post, long provisional, FrameTime time)
    {
        var badges = post.Badges ?? [];
        return new ChatMessage(0, post.Id ?? $"{post.Source}-{provisional}", post.Source, post.Author, post.Text,
            badges, post.Color, post.Highlight ?? Highlight(post.Text, badges), time)
        {
            AuthorId = post.Incoming?.AuthorId, SentAt = post.Incoming?.SentAt, Mentions = post.Incoming?.Mentions ?? [],
            Emotes = post.Incoming?.Emotes ?? [], ReplyTo = post.Incoming?.ReplyTo,
        };
    }

    /// <summary>Why a message stands out when its source did not say: a bid, a moderator's message, a question.</summary>
    public static string? Highlight(string text, IReadOnlyList<string> badges) =>
        BidText.TryParse(text, out _) ? "bid"
        : badges.Any(b => b is "moderator" or "broadcaster") ? "moderator"
        : text.TrimEnd().EndsWith('?') ? "question"
        : null;

    public int CopyLatest(Span<ChatMessage> destination)
    {
        var count = (int)Math.Min(Math.Min(destination.Length, capacity), _last);
        for (var i = 0; i < count; i++) destination[i] = _ring[(_last - count + 1 + i) % capacity];
        return count;
    }
}
