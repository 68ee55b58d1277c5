using StreamEngine.Plugins.X.Api;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.X.Chat;

/// <summary>
/// One poll of the broadcast post's conversation: every reply newer than the cursor, all pages, passed on oldest first
/// as chat messages (the broadcast post itself is not chat); the cursor moves only after the whole pass, so a crash mid-pass repeats rather than skips.
/// The conversation may not be known yet (a broadcast whose announcement post X has not made): then nothing is read (-1).
/// </summary>
public sealed class ConversationPoller(XReads reads, Func<CancellationToken, Task<string?>> conversation, ICursorStore cursor)
{
    public ConversationPoller(XReads reads, string conversationId, ICursorStore cursor) : this(reads, _ => Task.FromResult<string?>(conversationId), cursor) { }

    public async Task<int> PollOnceAsync(IChatSink sink, CancellationToken ct)
    {
        if (await conversation(ct) is not { } conversationId) return -1;
        var since = cursor.Load();
        var found = new List<(XPost Post, XUser? Author)>();
        string? token = null, newest = null;
        do
        {
            var page = await reads.SearchConversationAsync(conversationId, since, token, ct);
            newest ??= page.NewestId;
            found.AddRange(page.Posts.Where(p => p.Id != conversationId).Select(p => (p, p.AuthorId is { } a ? page.Users.GetValueOrDefault(a) : null)));
            token = page.NextToken;
        } while (token is not null && found.Count < 1000);

        foreach (var (post, author) in found.OrderBy(f => f.Post.Id.Length).ThenBy(f => f.Post.Id, StringComparer.Ordinal))
            sink.Post(new IncomingChatMessage("x:" + post.Id, post.AuthorId ?? "", author is null ? "unknown" : "@" + author.Username, post.Text, DateTimeOffset.UtcNow)
            {
                Badges = author is { Verified: true } ? ["verified"] : [],
                ReplyTo = post.InReplyToId is { } r ? "x:" + r : null,
            });
        if (newest is not null) cursor.Save(newest);
        return found.Count;
    }
}
