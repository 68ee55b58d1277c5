using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Tests;

/// <summary>X's OAuth 2.0 token endpoint as documented: a code with its PKCE verifier, then single-use refresh tokens.</summary>
public sealed partial class FakeX
{
    public const string ClientId = "fake-client-id";
    private readonly ConcurrentDictionary<string, bool> _accessTokens = new();
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new();
    private int _issued;

    /// <summary>The authorization code X would hand the redirect, and the PKCE challenge the authorize URL carried.</summary>
    public (string Code, string Challenge)? PendingCode { get; set; }

    public ConcurrentQueue<string> TokenGrants { get; } = new();

    private async Task Token(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        TokenGrants.Enqueue(grant);
        var ok = form["client_id"] == ClientId && grant switch
        {
            "authorization_code" => PendingCode is { } p && form["code"] == p.Code && Pkce.Challenge(form["code_verifier"].ToString()) == p.Challenge,
            "refresh_token" => _refreshTokens.TryRemove(form["refresh_token"].ToString(), out _), // single use
            _ => false,
        };
        if (!ok)
        {
            await Answer(http, 400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = "Value passed for the token was invalid." });
            return;
        }
        if (grant == "authorization_code") PendingCode = null;
        var n = Interlocked.Increment(ref _issued);
        _accessTokens[$"access-{n}"] = true;
        _refreshTokens[$"refresh-{n}"] = true;
        await Answer(http, 200, new JsonObject
        {
            ["token_type"] = "bearer", ["expires_in"] = 7200, ["access_token"] = $"access-{n}",
            ["scope"] = "tweet.read tweet.write users.read offline.access", ["refresh_token"] = $"refresh-{n}",
        });
    }

    /// <summary>
    /// X's authorize page as a browser meets it once the user has clicked "Authorize app": checks what X checks
    /// (response_type code, the client id, an S256 challenge, a loopback redirect) and redirects the browser to
    /// <c>redirect_uri?state=…&amp;code=…</c>, remembering the challenge for the token endpoint.
    /// </summary>
    private async Task Authorize(HttpContext http)
    {
        var q = http.Request.Query;
        if (q["response_type"] != "code" || q["client_id"] != ClientId || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"])
            || !Uri.TryCreate(q["redirect_uri"], UriKind.Absolute, out var redirect) || !redirect.IsLoopback)
        {
            await Answer(http, 400, new JsonObject { ["error"] = "invalid_request" });
            return;
        }
        var code = "code-" + Interlocked.Increment(ref _nextId);
        PendingCode = (code, q["code_challenge"].ToString());
        http.Response.Redirect($"{redirect}?state={Uri.EscapeDataString(q["state"].ToString())}&code={code}");
    }

    /// <summary>Whether the request carries a user access token this fake issued (and that a refresh has not replaced).</summary>
    private bool BearerHolds(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _accessTokens.ContainsKey(header[7..]) && header[7..] == $"access-{Volatile.Read(ref _issued)}";
    }
}
