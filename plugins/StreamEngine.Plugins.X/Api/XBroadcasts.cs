using System.Text.Json;
using System.Text.RegularExpressions;

namespace StreamEngine.Plugins.X.Api;

/// <summary>
/// X's Livestream API, on the routes X recommends since November 2026 (the <c>/2/users/:id/…</c> ones are removed on
/// 1 January 2027): the recommended ingest region, a stream source (the RTMPS ingest URL and its stream key), going
/// live on it (X creates and publishes the broadcast in one call) and ending the broadcast. Needs user context
/// (OAuth 1.0a, or OAuth 2.0 with broadcast.read and broadcast.write) and an account with Livestream API access.
/// </summary>
public sealed partial class XBroadcasts(XApiClient client)
{
    public const string RegionEndpoint = "GET /2/region";
    public const string CreateSourceEndpoint = "POST /2/sources";
    public const string StreamKeyEndpoint = "GET /2/sources/:id/stream_key";
    public const string GoLiveEndpoint = "POST /2/broadcasts";
    public const string GetEndpoint = "GET /2/broadcasts/:id";
    public const string StateEndpoint = "PUT /2/broadcasts/:id/state";

    /// <summary>The ingest region X recommends for where the engine runs (X answers with a redirect the client follows).</summary>
    public async Task<string> RecommendedRegionAsync(CancellationToken ct)
    {
        var root = await client.SendAsync(HttpMethod.Get, RegionEndpoint, "2/region", null, safeToRepeat: true, ct);
        var region = XJson.Optional(root, "region") ?? (root.TryGetProperty("data", out var data) ? XJson.Optional(data, "region") : null);
        return region is not null && RegionName().IsMatch(region) ? region
            : throw new XMalformedResponseException(RegionEndpoint, 200, $"X's answer to {RegionEndpoint} names no region.");
    }

    /// <summary>Creates a source. Not repeated after an unclear outcome (X limits sources per user): the caller is told.</summary>
    public async Task<XSource> CreateSourceAsync(string name, string region, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) throw new ArgumentException("A source's name is 1 to 100 characters.", nameof(name));
        if (!RegionName().IsMatch(region)) throw new ArgumentException($"'{region}' is not a region such as us-east-1.", nameof(region));
        var root = await client.SendAsync(HttpMethod.Post, CreateSourceEndpoint, "2/sources", new { name, region }, safeToRepeat: false, ct);
        var data = XJson.Data(CreateSourceEndpoint, root, JsonValueKind.Object);
        var id = CheckSourceId(XJson.Required(CreateSourceEndpoint, data, "id"), CreateSourceEndpoint);
        return new XSource(id, XJson.Optional(data, "name") ?? name, XJson.Optional(data, "region") ?? region,
            Ingest(data, CreateSourceEndpoint), XJson.Required(CreateSourceEndpoint, data, "stream_key"));
    }

    /// <summary>The stream key of one of the account's sources (X sends it only on creation and here).</summary>
    public async Task<string> StreamKeyAsync(string sourceId, CancellationToken ct)
    {
        CheckSourceId(sourceId, nameof(sourceId));
        var root = await client.SendAsync(HttpMethod.Get, StreamKeyEndpoint, $"2/sources/{sourceId}/stream_key", null, safeToRepeat: true, ct);
        return XJson.Required(StreamKeyEndpoint, XJson.Data(StreamKeyEndpoint, root, JsonValueKind.Object), "stream_key");
    }

    /// <summary>Takes the source live: X answers 201 with a new RUNNING broadcast, or 200 with the one already live on
    /// it, so repeating the request cannot start a second broadcast.</summary>
    public async Task<XBroadcast> GoLiveAsync(string sourceId, string? title, bool announce, CancellationToken ct)
    {
        CheckSourceId(sourceId, nameof(sourceId));
        if (title is { Length: > 280 }) throw new ArgumentException("A broadcast's title is at most 280 characters (it is the announcement post's text).", nameof(title));
        object body = title is null ? new { source_id = sourceId, should_not_tweet = !announce } : new { source_id = sourceId, title, should_not_tweet = !announce };
        return Broadcast(GoLiveEndpoint, await client.SendAsync(HttpMethod.Post, GoLiveEndpoint, "2/broadcasts", body, safeToRepeat: true, ct));
    }

    public async Task<XBroadcast> GetAsync(string broadcastId, CancellationToken ct) =>
        Broadcast(GetEndpoint, await client.SendAsync(HttpMethod.Get, GetEndpoint, "2/broadcasts/" + CheckBroadcastId(broadcastId), null, safeToRepeat: true, ct));

    /// <summary>Ends the broadcast (ENDED is final: X cannot restart it). X takes exactly <c>{"state":"END"}</c>.</summary>
    public async Task<XBroadcast> EndAsync(string broadcastId, CancellationToken ct) =>
        Broadcast(StateEndpoint, await client.SendAsync(HttpMethod.Put, StateEndpoint, $"2/broadcasts/{CheckBroadcastId(broadcastId)}/state",
            new { state = "END" }, safeToRepeat: true, ct));

    private static XBroadcast Broadcast(string endpoint, JsonElement root)
    {
        var data = XJson.Data(endpoint, root, JsonValueKind.Object);
        var id = XJson.Optional(data, "id") ?? XJson.Required(endpoint, data, "broadcast_id");
        return new XBroadcast(CheckBroadcastId(id), XJson.Required(endpoint, data, "state"), XJson.Optional(data, "share_url"), XJson.Optional(data, "tweet_id"));
    }

    /// <summary>X documents <c>rtmps_url</c> (port 443); an <c>rtmp_url</c> holding an rtmps:// URL is taken too. Plain
    /// RTMP would send the key in clear, so it is accepted only on loopback (a local test ingest).</summary>
    private static string Ingest(JsonElement data, string endpoint)
    {
        var text = XJson.Optional(data, "rtmps_url") ?? XJson.Optional(data, "rtmp_url");
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == "rtmps" || (url.Scheme == "rtmp" && url.IsLoopback)) ? text!
            : throw new XMalformedResponseException(endpoint, 200, $"X's answer to {endpoint} has no rtmps:// ingest URL.");
    }

    internal static string CheckSourceId(string id, string name) =>
        SourceId().IsMatch(id) ? id : throw new ArgumentException($"'{id}' is not an X source id (up to 19 digits; a stream key is not a source id).", name);

    internal static string CheckBroadcastId(string id) =>
        BroadcastId().IsMatch(id) ? id : throw new ArgumentException($"'{id}' is not an X broadcast id (letters and digits).", nameof(id));

    [GeneratedRegex("^[0-9]{1,19}$")]
    private static partial Regex SourceId();

    [GeneratedRegex("^[A-Za-z0-9]{1,40}$")]
    private static partial Regex BroadcastId();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionName();
}

/// <summary>An ingest point: the URL an encoder pushes to and its stream key, a credential (ToString masks it).</summary>
public sealed record XSource(string Id, string Name, string Region, string IngestUrl, string StreamKey)
{
    public override string ToString() => $"XSource({Id}, {Region}, {IngestUrl}, key masked)";
}

/// <summary>A broadcast: its id, state (RUNNING, ENDED, TIMED_OUT …), viewer link and the announcement post once X made it.</summary>
public sealed record XBroadcast(string Id, string State, string? ShareUrl, string? PostId);
