using System.Net;
using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Chat.YouTube;

/// <summary>
/// The <c>youtube</c> source's settings: <c>liveChatId</c>; an API key (<c>apiKey</c> or <c>apiKeyEnv</c>) or an OAuth
/// access token (<c>accessToken</c> or <c>accessTokenEnv</c>); <c>baseUrl</c> for another endpoint (tests). Secrets
/// are kept out of <see cref="ToString"/>, logs and state reasons.
/// </summary>
internal sealed record YouTubeSettings(string LiveChatId, string? ApiKey, string? AccessToken, Uri BaseUrl)
{
    public const string DefaultBaseUrl = "https://www.googleapis.com/youtube/v3/";

    public override string ToString() => $"YouTube live chat {LiveChatId}";

    public static YouTubeSettings Read(JsonObject s)
    {
        var chat = Text(s, "liveChatId") ?? throw new FormatException("liveChatId: expected the live chat's id (the broadcast's snippet.liveChatId)");
        if (chat.Length is 0 or > 200 || chat.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) throw new FormatException("liveChatId: expected 1 to 200 characters without spaces");
        var key = Secret(s, "apiKey");
        var token = Secret(s, "accessToken");
        if (key is null && token is null) throw new FormatException("apiKey: expected an API key (apiKey or apiKeyEnv) or an OAuth token (accessToken or accessTokenEnv)");
        var text = Text(s, "baseUrl") ?? DefaultBaseUrl;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(url.UserInfo) || url.Scheme == "http" && !IsLoopback(url))
            throw new FormatException($"baseUrl: expected an https:// URL (http:// only on loopback, for tests), got '{text}'");
        return new YouTubeSettings(chat, key, token, url);
    }

    private static bool IsLoopback(Uri url) => url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip);

    private static string? Secret(JsonObject s, string key)
    {
        var value = Text(s, key + "Env") is { } variable
            ? Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set.Trim() : throw new FormatException($"{key}Env: the environment variable '{variable}' is not set")
            : Text(s, key)?.Trim();
        if (value is { Length: > 0 } && value.Any(char.IsControl)) throw new FormatException($"{key}: expected no control characters");
        return value is { Length: > 0 } ? value : null;
    }

    private static string? Text(JsonObject o, string key) => o[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var t) => t,
        _ => throw new FormatException($"{key}: expected a string"),
    };
}
