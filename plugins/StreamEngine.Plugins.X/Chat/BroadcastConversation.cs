using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Commands;

namespace StreamEngine.Plugins.X.Chat;

/// <summary>
/// <c>"conversationId": "broadcast"</c>: the conversation is the announcement post of the broadcast this engine set up
/// (<c>x broadcast publish</c> or <c>X_BROADCAST=auto</c>, kept in <c>DATA/x/broadcast.json</c>). X makes that post a
/// moment after going live, so until the broadcast is RUNNING with a post there is no conversation yet (null), and a
/// broadcast left from an earlier show (ENDED) is never read or replied to. Once found it is kept.
/// </summary>
public sealed class BroadcastConversation(XBroadcasts broadcasts, string dataDirectory)
{
    private string? _found;

    public async Task<string?> IdAsync(CancellationToken ct)
    {
        if (_found is not null) return _found;
        if (BroadcastRecord.Load(dataDirectory) is not { BroadcastId: { } id } record) return null;
        var broadcast = await broadcasts.GetAsync(id, ct);
        if (broadcast.State != "RUNNING" || broadcast.PostId is not { } post) return null;
        XReads.CheckId(post, "tweet_id");
        if (record.PostId != post) (record with { PostId = post }).Save(dataDirectory);
        return _found = post;
    }
}
