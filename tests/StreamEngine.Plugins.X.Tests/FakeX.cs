using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Tests;

/// <summary>
/// A stand-in for X's v2 API on a free loopback port (real Kestrel): checks every request's OAuth 1.0a signature
/// against the secrets it knows, enforces a rate window per endpoint on the test's clock, answers in X's documented
/// shapes and injects the faults a test queues (503 after creating, 503, 429, malformed bodies).
/// </summary>
public sealed partial class FakeX : IAsyncDisposable
{
    public static readonly OAuth1Credentials Credentials = new("fake-consumer-key", "fake-consumer-secret", "1-fake-token", "fake-token-secret");
    public const string MeId = "42";
    public const string MeName = "auctionhouse";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Used)> _windows = new();
    private long _nextId = 1000;

    public ConcurrentQueue<string> PostFaults { get; } = new();
    public ConcurrentQueue<string> SearchFaults { get; } = new();
    public List<JsonObject> Posts { get; } = [];
    public ConcurrentBag<string> Requests { get; } = [];
    public int Refused429 { get; private set; }
    public int BadSignatures { get; private set; }
    public int Limit { get; set; } = 100;
    public int PageSize { get; set; } = 100;
    public Uri BaseUrl { get; }

    private FakeX(WebApplication app, TimeProvider clock, Uri baseUrl) { _app = app; _clock = clock; BaseUrl = baseUrl; }

    public static async Task<FakeX> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeX? fake = null;
        app.Run(http => fake!.Handle(http));
        await app.StartAsync();
        fake = new FakeX(app, clock, new Uri(app.Urls.First() + "/"));
        return fake;
    }

    /// <summary>Adds a post as if someone had posted it (a reply in the broadcast's conversation).</summary>
    public string Seed(string text, string authorId, string? conversationId)
    {
        var id = Interlocked.Increment(ref _nextId).ToString();
        lock (Posts) Posts.Add(new JsonObject { ["id"] = id, ["text"] = text, ["author_id"] = authorId, ["conversation_id"] = conversationId ?? id });
        return id;
    }

    private async Task Handle(HttpContext http)
    {
        var endpoint = $"{http.Request.Method} {http.Request.Path}";
        Requests.Add(endpoint);
        if (endpoint == "POST /2/oauth2/token")
        {
            await Token(http);
            return;
        }
        if (endpoint == "GET /region-recommendation")
        {
            await Answer(http, 200, new JsonObject { ["region"] = "us-east-1" });
            return;
        }
        if (endpoint == "GET /i/oauth2/authorize")
        {
            await Authorize(http);
            return;
        }
        if (!SignatureHolds(http.Request) && !BearerHolds(http.Request))
        {
            BadSignatures++;
            await Answer(http, 401, new JsonObject { ["title"] = "Unauthorized", ["type"] = "about:blank", ["status"] = 401, ["detail"] = "Unauthorized" });
            return;
        }
        var (limited, remaining, reset) = Spend(endpoint);
        http.Response.Headers["x-rate-limit-limit"] = Limit.ToString();
        http.Response.Headers["x-rate-limit-remaining"] = remaining.ToString();
        http.Response.Headers["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString();
        if (limited)
        {
            Refused429++;
            await Answer(http, 429, new JsonObject { ["title"] = "Too Many Requests", ["detail"] = "Too Many Requests", ["type"] = "about:blank", ["status"] = 429 });
            return;
        }
        await Route(http, endpoint);
    }

    private (bool Limited, int Remaining, DateTimeOffset Reset) Spend(string endpoint)
    {
        var now = _clock.GetUtcNow();
        var window = _windows.GetOrAdd(endpoint, _ => (now, 0));
        if (now >= window.Start.AddMinutes(15)) window = (now, 0);
        var reset = window.Start.AddMinutes(15);
        if (window.Used >= Limit) return (true, 0, reset);
        _windows[endpoint] = (window.Start, window.Used + 1);
        return (false, Limit - window.Used - 1, reset);
    }

    private static bool SignatureHolds(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("OAuth ", StringComparison.Ordinal)) return false;
        var fields = header[6..].Split(", ").Select(f => f.Split('=', 2))
            .ToDictionary(f => f[0], f => Uri.UnescapeDataString(f[1].Trim('"')));
        if (!fields.TryGetValue("oauth_signature", out var sent) || fields.GetValueOrDefault("oauth_consumer_key") != Credentials.ConsumerKey) return false;
        var url = new Uri($"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}");
        var expected = OAuth1Signer.Sign(request.Method, url, [], Credentials, fields["oauth_nonce"], fields["oauth_timestamp"]);
        return expected.Signature == sent;
    }

    internal static Task Answer(HttpContext http, int status, JsonNode body, string? raw = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(raw ?? body.ToJsonString());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
