using System.Collections.Concurrent;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

namespace StreamEngine.Core.Chat;

/// <summary>A message as posted by a chat source or the API, before the feed numbers it and gives it its frame.</summary>
public sealed record ChatPost(string Source, string Author, string Text, IReadOnlyList<string>? Badges = null, string? Color = null, string? Highlight = null, string? Id = null)
{
    /// <summary>What a chat source gave beyond the basics (author id, mentions, emotes, reply-to, time sent).</summary>
    public IncomingChatMessage? Incoming { get; init; }

    /// <summary>A chat source's message, posted under the source's id; the text cut to CHAT_MAX_TEXT (<see cref="ShowStateRules.ChatText"/>), names to 64 characters.</summary>
    /// The lists are copied: a list a plugin made may be of a type its assembly defines, which would keep an unloaded version alive.
    public static ChatPost From(string source, IncomingChatMessage m, ShowLimits? limits = null) =>
        new(source, Cut(m.Author, 64), ShowStateRules.ChatText(m.Text, limits ?? Default), [.. (m.Badges ?? []).Take(16)], m.Color, null, Cut(m.Id, 128))
        {
            Incoming = m with { Badges = [], Mentions = [.. (m.Mentions ?? []).Take(32)], Emotes = [.. (m.Emotes ?? []).Take(64)] },
        };

    private static readonly ShowLimits Default = new();

    private static string Cut(string? text, int length) => text is null ? "" : text.Length <= length ? text : text[..length];
}

/// <summary>A removal of messages from the feed: one message by id, an author's messages, or (both null) all of a source's.</summary>
/// <param name="Source">Only this source's messages, or null for any source (the API's delete).</param>
/// <param name="Ban">The platform's ban or timeout behind an author's removal, passed on to the chat stages.</param>
public sealed record ChatRetraction(string? Source, string? MessageId, string? AuthorId, ChatBan? Ban = null)
{
    /// <summary>The removal of a banned author's messages, carrying the ban.</summary>
    public static ChatRetraction Banned(string source, string authorId, string? name, TimeSpan? duration) =>
        new(source, null, authorId, new ChatBan(source, authorId, name is { Length: > 64 } ? name[..64] : name, duration));
}

/// <summary>
/// The show's chat: messages are posted from any thread and enter the feed at the next frame boundary, numbered,
/// stamped with that frame, and highlighted (bid, moderator, question) when their source did not say. Only the newest
/// <see cref="Capacity"/> are kept, so memory stays flat however long the show. A message removed on its platform or
/// over the API leaves the feed at the next frame boundary, and <see cref="Version"/> changes so the chat layer redraws.
/// </summary>
public sealed class ChatFeed(int capacity = 256) : IChatFeed, IFrameHook
{
    private readonly ConcurrentQueue<ChatPost> _posted = new();
    private readonly ConcurrentQueue<ChatRetraction> _retracted = new();
    private readonly ChatMessage[] _ring = new ChatMessage[capacity];
    private readonly List<ChatMessage> _arriving = [];
    private volatile IShowTimeChatSource[] _timed = [];
    private long _last, _removed;
    private int _count, _head;
    // What readers see: the chat layer draws (also on a low-priority worker during a plugin reload) from this copy,
    // published by the frame thread, so no reader holds a lock the frame thread needs.
    private volatile ChatMessage[] _shown = [];
    private long _version;

    public int Capacity => capacity;

    /// <summary>The bounds of what sources post (CHAT_MAX_TEXT).</summary>
    public ShowLimits Limits { get; init; } = new();

    public long LastSequence => _last;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Raised on the frame thread for every message as it enters the feed.</summary>
    public event Action<ChatMessage>? MessageShown;

    /// <summary>Raised on the frame thread for every message that leaves the feed because it was retracted.</summary>
    public event Action<ChatMessage>? MessageRemoved;

    /// <summary>The stages messages pass before they enter (none until configured); set between frames.</summary>
    public ChatStageChain? Stages { get; set; }

    public void Post(ChatPost post) => _posted.Enqueue(post);

    /// <summary>Removes messages at the next frame boundary (any thread).</summary>
    public void Retract(ChatRetraction retraction) => _retracted.Enqueue(retraction);

    /// <summary>Whether a message with this id is in the feed now (the API's delete answers 404 otherwise).</summary>
    public bool Contains(string id)
    {
        foreach (var message in _shown) if (message.Id == id) return true;
        return false;
    }

    /// <summary>A source speaking in show time is called at every frame from now on (any thread); remove it before it stops.</summary>
    public void AddTimed(IShowTimeChatSource source) { lock (_posted) _timed = [.. _timed, source]; }

    public void RemoveTimed(IShowTimeChatSource source) { lock (_posted) _timed = [.. _timed.Where(s => s != source)]; }

    /// <summary>Raised when a show-time source throws; the frame goes on without its messages.</summary>
    public event Action<Exception>? TimedSourceFailed;

    public void OnFrame(FrameTime time)
    {
        foreach (var source in _timed)
        {
            try { source.OnFrame(time, this); }
            catch (Exception e) { TimedSourceFailed?.Invoke(e); }
        }
        FrameTrace.Current?.Mark("chat sources");
        while (_retracted.TryDequeue(out var retraction))
        {
            Remove(retraction);
            if (retraction.Ban is { } ban) Stages?.Banned(ban);
        }
        _arriving.Clear();
        while (_posted.TryDequeue(out var post)) _arriving.Add(Message(post, _last + _arriving.Count + 1, time));
        if (_arriving.Count == 0 && Stages is not { Waiting: > 0 }) return;
        var before = _last;
        foreach (var entered in Stages is { } stages ? stages.Run(_arriving, time) : _arriving)
        {
            var message = entered with { Sequence = _last + 1, ShownAt = time };
            lock (_ring)
            {
                _ring[(_head + _count) % capacity] = message;
                if (_count < capacity) _count++;
                else _head = (_head + 1) % capacity;
                _last = message.Sequence;
            }
            FrameTrace.Current?.Mark("chat feed");
            MessageShown?.Invoke(message);
            FrameTrace.Current?.Mark("MessageShown");
        }
        if (_last != before) Publish();
    }

    private void Publish()
    {
        lock (_ring)
        {
            var shown = new ChatMessage[_count];
            for (var i = 0; i < _count; i++) shown[i] = _ring[(_head + i) % capacity];
            _shown = shown;
            Interlocked.Exchange(ref _version, _last + _removed); // after the messages it stands for
        }
    }

    private void Remove(ChatRetraction r)
    {
        var removed = new List<ChatMessage>();
        lock (_ring)
        {
            var kept = 0;
            for (var i = 0; i < _count; i++)
            {
                var message = _ring[(_head + i) % capacity];
                var gone = (r.Source is null || message.Source == r.Source)
                    && (r.MessageId is { } id ? message.Id == id : r.AuthorId is not { } author || message.AuthorId == author);
                if (gone) removed.Add(message);
                else _ring[(_head + kept++) % capacity] = message;
            }
            for (var i = kept; i < _count; i++) _ring[(_head + i) % capacity] = null!;
            _count = kept;
            _removed += removed.Count;
        }
        if (removed.Count > 0) Publish();
        foreach (var message in removed) MessageRemoved?.Invoke(message);
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
        var shown = _shown;
        var count = Math.Min(destination.Length, shown.Length);
        shown.AsSpan(shown.Length - count).CopyTo(destination);
        return count;
    }
}
