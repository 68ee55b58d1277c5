using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace StreamEngine.Sdk.Chat;

/// <summary>
/// A kind of chat source: a platform (Twitch IRC, X replies, a simulated audience). The show configures instances of it
/// in the <c>chat.sources</c> section of the scene file — <c>{ "id": "twitch", "type": "twitch", "settings": { … } }</c> —
/// several at once; each can be added, removed or replaced while live.
/// </summary>
public interface IChatSourceType
{
    /// <summary>The name the configuration's <c>type</c> gives, for example <c>twitch</c>.</summary>
    string Name { get; }

    /// <summary>
    /// A new, not yet started source for one configured instance. Throw <see cref="FormatException"/> naming the setting
    /// when the settings cannot work; the engine reports it as the configuration's error.
    /// </summary>
    /// <param name="context">The instance's id, settings, where to post messages and state, and a logger.</param>
    IChatSource Create(ChatSourceContext context);
}

/// <summary>What a chat source is given when it is created.</summary>
/// <param name="Id">The configured instance's id; it is the <see cref="ChatMessage.Source"/> of its messages.</param>
/// <param name="Settings">The instance's <c>settings</c> object from the configuration (a copy; empty when none).</param>
/// <param name="Sink">Where the source posts messages and reports its connection state; any thread.</param>
/// <param name="Logger">A logger naming the source; secrets must be masked before logging.</param>
public sealed record ChatSourceContext(string Id, JsonObject Settings, IChatSink Sink, ILogger Logger)
{
    /// <summary>The values plugins share in the show (the auctioneer's live lot …), or null when the engine gives none.</summary>
    public IShowValues? Values { get; init; }
}

/// <summary>
/// One running chat source. The engine starts it, stops it (before removing or replacing it, and when the show ends)
/// and disposes it; the source must then have stopped every timer, thread and connection it started, or the plugin's
/// old version cannot unload after a reload. A source reconnects by itself and reports each state change.
/// </summary>
public interface IChatSource : IAsyncDisposable
{
    /// <summary>Starts connecting and returns without waiting to be live; report <see cref="ChatConnectionState"/> changes through the sink.</summary>
    /// <param name="cancellationToken">Cancelled when the engine gives up waiting for the start.</param>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Disconnects; no message is posted after this completes. Report <see cref="ChatConnectionState.Stopped"/>.</summary>
    /// <param name="cancellationToken">Cancelled when the engine gives up waiting for the stop.</param>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Whether the platform lets the show post messages through this source (false when read-only).</summary>
    bool CanSend { get; }

    /// <summary>Posts a message from the show (a reply from the host). Throws <see cref="NotSupportedException"/> when <see cref="CanSend"/> is false.</summary>
    /// <param name="text">The message text.</param>
    /// <param name="replyTo">The platform id of the message this replies to, or null.</param>
    /// <param name="cancellationToken">Cancels the post.</param>
    Task SendAsync(string text, string? replyTo, CancellationToken cancellationToken);
}

/// <summary>Where a chat source delivers: thread-safe, never blocks.</summary>
public interface IChatSink
{
    /// <summary>A message arrived; it passes the chat stages and enters the show at the next frame boundary.</summary>
    /// <param name="message">The message as the platform gave it, normalised.</param>
    void Post(IncomingChatMessage message);

    /// <summary>The connection changed state; the engine logs it, publishes it as an event and counts it in its metrics.</summary>
    /// <param name="state">The new state.</param>
    /// <param name="reason">Why, when the change was not asked for (the error, with secrets masked).</param>
    void Report(ChatConnectionState state, string? reason = null);

    /// <summary>
    /// The platform removed one of this source's messages (a moderator deleted it): it leaves the show's chat and the
    /// chat layer draws again without it. Unknown or already gone ids are ignored.
    /// </summary>
    /// <param name="messageId">The platform's id of the message, as posted in <see cref="IncomingChatMessage.Id"/>.</param>
    void Retract(string messageId) { }

    /// <summary>
    /// The platform removed an author's messages (a ban or timeout), or, with null, cleared its whole chat: this
    /// source's messages by that author (or all of them) leave the show's chat.
    /// </summary>
    /// <param name="authorId">The platform's author id, as posted in <see cref="IncomingChatMessage.AuthorId"/>, or null for all.</param>
    void RetractAuthor(string? authorId) { }

    /// <summary>
    /// The platform banned an author (no duration) or timed them out: their messages leave the show's chat as with
    /// <see cref="RetractAuthor"/>, and the chat stages are told (the moderation stage keeps it as a ban or timeout,
    /// listed under <c>/api/behaviours/chat/bans</c>, so what the author sends meanwhile is dropped here too).
    /// </summary>
    /// <param name="authorId">The platform's author id, as posted in <see cref="IncomingChatMessage.AuthorId"/>.</param>
    /// <param name="name">The author's login or name, for the ban's reason; null when unknown.</param>
    /// <param name="duration">How long a timeout lasts, or null for a ban.</param>
    void Ban(string authorId, string? name, TimeSpan? duration) => RetractAuthor(authorId);

    /// <summary>
    /// What the platform says is left of one of its rate limits (an API endpoint's window), so an operator sees a source
    /// running short before the platform refuses it. The engine exposes the last report per endpoint as the metrics
    /// <c>streamengine_chat_source_rate_remaining</c> and <c>streamengine_chat_source_rate_limit</c> (labels
    /// <c>source</c> and <c>endpoint</c>). Report whenever the platform names new figures.
    /// </summary>
    /// <param name="endpoint">The limit's name, for example <c>GET /2/tweets/search/recent</c>: at most 64 printable characters, never a secret.</param>
    /// <param name="limit">Requests the window allows.</param>
    /// <param name="remaining">Requests left in the window.</param>
    /// <param name="resetsAt">When the window starts again.</param>
    void ReportRateLimit(string endpoint, int limit, int remaining, DateTimeOffset resetsAt) { }
}

/// <summary>
/// A chat source that speaks in show time rather than wall-clock time (a simulated audience, a replay). The engine
/// calls <see cref="OnFrame"/> on the frame thread at every frame, before the feed takes what was posted, so an offline
/// render of the same show gets the same messages at the same frames. Keep it quick: it runs inside the frame budget.
/// </summary>
public interface IShowTimeChatSource
{
    /// <summary>Post (through the sink) the messages due by this frame.</summary>
    /// <param name="time">The frame about to be composed.</param>
    /// <param name="chat">The show's chat so far (every source's), for example to follow the bids.</param>
    void OnFrame(FrameTime time, IChatFeed chat);
}

/// <summary>The connection state of a chat source, as for outputs.</summary>
public enum ChatConnectionState
{
    /// <summary>Connecting for the first time.</summary>
    Connecting,

    /// <summary>Connected: messages flow.</summary>
    Live,

    /// <summary>The connection was lost; the source waits for its backoff delay, then connects again.</summary>
    Reconnecting,

    /// <summary>The source gave up (bad credentials, a channel that does not exist).</summary>
    Failed,

    /// <summary>Stopped on purpose.</summary>
    Stopped,
}
