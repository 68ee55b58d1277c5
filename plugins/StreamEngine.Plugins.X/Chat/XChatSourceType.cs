using System.Text.Json.Nodes;
using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Auth;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.X.Chat;

/// <summary>
/// Chat source type <c>x</c>: replies to the broadcast's post. Settings: <c>conversationId</c> (the broadcast post's
/// id, or <c>broadcast</c> for the announcement post of the broadcast this engine set up; required), <c>pollSeconds</c> (5–300, default 15: X's user-context recent search allows 180 requests per 15
/// minutes), <c>apiBaseUrl</c> (https, or http on loopback for tests and local proxies; default <c>TWITTER_API_BASE_URL</c>,
/// else https://api.x.com). What X says is left of each endpoint's rate window goes to the engine's metrics.
/// </summary>
public sealed class XChatSourceType(XCredentialsFromEnvironment credentials, TimeProvider clock, string dataDirectory, Uri? defaultBaseUrl = null) : IChatSourceType
{
    public string Name => "x";

    public IChatSource Create(ChatSourceContext context)
    {
        var settings = context.Settings;
        var conversation = Text(settings, "conversationId") ?? throw new ArgumentException("settings.conversationId is required: the id of the broadcast's post on X.");
        if (conversation != "broadcast") XReads.CheckId(conversation, "settings.conversationId");
        var poll = settings["pollSeconds"] is JsonValue p && p.TryGetValue<double>(out var s) ? s : 15;
        if (!double.IsFinite(poll) || poll is < 5 or > 300) throw new ArgumentException($"settings.pollSeconds {poll} is out of range: 5 to 300 seconds.");
        var baseUrl = defaultBaseUrl ?? new Uri("https://api.x.com/");
        if (Text(settings, "apiBaseUrl") is { } url)
            baseUrl = Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var u) && (u.Scheme == "https" || (u.Scheme == "http" && u.IsLoopback))
                ? u : throw new ArgumentException($"settings.apiBaseUrl '{url}' must be an https URL (or http on loopback).");

        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var user = UserContext.From(credentials, http, baseUrl, clock);
        IRequestAuthenticator auth = user
            ?? (credentials.BearerToken is { } bearer ? new BearerAuthenticator(bearer, appOnly: true) : null)
            ?? throw new ArgumentException(credentials.Describe());
        var client = new XApiClient(http, auth, new XApiOptions { BaseUrl = baseUrl }, clock);
        client.Budget.Reported += (endpoint, window) => context.Sink.ReportRateLimit(endpoint, window.Limit, window.Remaining, window.Reset);
        var reads = new XReads(client);
        var safeId = string.Concat(context.Id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var cursor = new FileCursorStore(Path.Combine(dataDirectory, "x", $"{safeId}-{conversation}.cursor"));
        Func<CancellationToken, Task<string?>> target = conversation == "broadcast"
            ? new BroadcastConversation(new XBroadcasts(client), dataDirectory).IdAsync
            : _ => Task.FromResult<string?>(conversation);
        return new XChatSource(http, new ConversationPoller(reads, target, cursor),
            user is not null ? new XPosts(client, reads, new PostLedger(Path.Combine(dataDirectory, "x", $"{safeId}-{conversation}.posts"))) : null, target, TimeSpan.FromSeconds(poll), clock, context);
    }

    private static string? Text(JsonObject settings, string name) =>
        settings[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
