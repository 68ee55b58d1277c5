using System.Net.Http.Headers;
using System.Text.Json;
using StreamEngine.Plugins.X.Api;

namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// X's OAuth 2.0 token endpoint (<c>POST /2/oauth2/token</c>): the authorization code with its PKCE verifier becomes a
/// user token, and a refresh token a new one. A confidential client (with a client secret) authenticates with HTTP
/// Basic; a public client sends its <c>client_id</c> in the form. Errors name what X said, never a token.
/// </summary>
public sealed class OAuth2Client(HttpClient http, Uri baseUrl, string clientId, string? clientSecret, TimeProvider clock)
{
    public const string Endpoint = "POST /2/oauth2/token";

    public Task<OAuth2Token> ExchangeCodeAsync(string code, Uri redirect, string verifier, CancellationToken ct) => RequestAsync(
        [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirect.ToString()), new("code_verifier", verifier)], ct);

    public Task<OAuth2Token> RefreshAsync(string refreshToken, CancellationToken ct) => RequestAsync(
        [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], ct);

    private async Task<OAuth2Token> RequestAsync(List<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        form.Add(new("client_id", clientId));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "2/oauth2/token")) { Content = new FormUrlEncodedContent(form) };
        if (clientSecret is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var status = (int)response.StatusCode;
        if (status is < 200 or > 299)
            throw XErrorReader.Read(Endpoint, status, text, "an OAuth 2.0 client id (and secret, for a confidential client) with a code or refresh token");
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var access = root.GetProperty("access_token").GetString() ?? throw new JsonException("access_token");
            var seconds = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? Math.Clamp(s, 60, 86_400 * 90) : 7200;
            return new OAuth2Token(access, root.TryGetProperty("refresh_token", out var r) ? r.GetString() : null,
                clock.GetUtcNow().AddSeconds(seconds), root.TryGetProperty("scope", out var sc) ? sc.GetString() : null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new XMalformedResponseException(Endpoint, status, $"X answered {status} to {Endpoint} without the documented access_token.");
        }
    }
}
