using System.Text.Json;

namespace StreamEngine.Plugins.X.Api;

/// <summary>
/// Posting and replying, at most once per idempotency key and at most <see cref="XApiOptions.PostsPerShow"/> times.
/// X has no idempotency header, so when a post's outcome is unknown (timeout, 5xx) this looks for the text among the
/// account's recent posts before sending again: a retried request that succeeded is never posted twice. The keys
/// posted are kept in a <see cref="PostLedger"/>; with a file, across restarts.
/// </summary>
public sealed class XPosts(XApiClient client, XReads reads, PostLedger? ledger = null)
{
    public const string PostEndpoint = "POST /2/tweets";

    private readonly PostLedger _posted = ledger ?? new PostLedger();
    private readonly SemaphoreSlim _one = new(1, 1);
    private XUser? _me;

    public int PostedThisShow => _posted.Count;

    /// <summary>The post id for <paramref name="key"/> if this show already posted it.</summary>
    public string? PostedFor(string key) => _posted.Find(key);

    public async Task<string> PostAsync(string key, string text, string? inReplyToId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A post needs text.", nameof(text));
        if (inReplyToId is not null) XReads.CheckId(inReplyToId, nameof(inReplyToId));
        await _one.WaitAsync(ct);
        try
        {
            if (_posted.Find(key) is { } done) return done;
            var cap = client.Options.PostsPerShow;
            if (_posted.Count >= cap) throw new XPostCapReachedException(cap);
            object body = inReplyToId is null ? new { text } : new { text, reply = new { in_reply_to_tweet_id = inReplyToId } };
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var root = await client.SendAsync(HttpMethod.Post, PostEndpoint, "2/tweets", body, safeToRepeat: false, ct);
                    return _posted.Record(key, XJson.Required(PostEndpoint, XJson.Data(PostEndpoint, root, JsonValueKind.Object), "id"));
                }
                catch (XOutcomeUnknownException) when (attempt < Math.Max(1, client.Options.MaxAttempts))
                {
                    if (await FindOwn(text, inReplyToId, ct) is { } found) return _posted.Record(key, found);
                    await client.Backoff(attempt, ct);
                }
            }
        }
        finally { _one.Release(); }
    }

    /// <summary>The account's recent post with exactly this text (and reply target), if X has it.</summary>
    private async Task<string?> FindOwn(string text, string? inReplyToId, CancellationToken ct)
    {
        _me ??= await reads.MeAsync(ct);
        var page = await reads.SearchAsync($"from:{_me.Username}", null, null, ct);
        return page.Posts.FirstOrDefault(p => p.Text == text && (inReplyToId is null || p.InReplyToId == inReplyToId))?.Id;
    }
}
