using StreamEngine.Plugins.X.Api;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.X.Chat;

/// <summary>
/// One poll of the broadcast post's conversation: every reply newer than the cursor, all pages, passed on oldest first
/// as chat messages (the broadcast post itself is not chat); the cursor moves only after the whole pass, so a crash mid-pass repeats rather than skips.
/// </summary>
public sealed class ConversationPoller(XReads reads, string conversationId, ICursorStore cursor)
{
    public async Task<int> PollOnceAsync(IChatSink sink, CancellationToken ct)
    {
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
