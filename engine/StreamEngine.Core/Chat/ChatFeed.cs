using System.Collections.Concurrent;
using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Core.Chat;

/// <summary>A message as posted by a chat source or the API, before the feed numbers it and gives it its frame.</summary>
public sealed record ChatPost(string Source, string Author, string Text, IReadOnlyList<string>? Badges = null, string? Color = null, string? Highlight = null, string? Id = null);

/// <summary>
/// The show's chat: messages are posted from any thread and enter the feed at the next frame boundary, numbered,
/// stamped with that frame, and highlighted (bid, moderator, question) when their source did not say. Only the newest <see cref="Capacity"/> are kept, so memory stays flat however long the show.
/// </summary>
public sealed class ChatFeed(int capacity = 256) : IChatFeed, IFrameHook
{
    private readonly ConcurrentQueue<ChatPost> _posted = new();
    private readonly ChatMessage[] _ring = new ChatMessage[capacity];
    private long _last;

    public int Capacity => capacity;

    public long LastSequence => _last;

    /// <summary>Raised on the frame thread for every message as it enters the feed.</summary>
    public event Action<ChatMessage>? MessageShown;

    public void Post(ChatPost post) => _posted.Enqueue(post);

    public void OnFrame(FrameTime time)
    {
        while (_posted.TryDequeue(out var post))
        {
            var sequence = _last + 1;
            var badges = post.Badges ?? [];
            var message = new ChatMessage(sequence, post.Id ?? $"{post.Source}-{sequence}", post.Source, post.Author, post.Text,
                badges, post.Color, post.Highlight ?? Highlight(post.Text, badges), time);
            _ring[sequence % capacity] = message;
            _last = sequence;
            MessageShown?.Invoke(message);
        }
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
