using System.Text.Json;

namespace StreamEngine.Plugins.X.Api;

/// <summary>Turns a failed answer's status and body into the typed <see cref="XApiException"/>.</summary>
public static class XErrorReader
{
    public static XApiException Read(string endpoint, int status, string body, string credentials)
    {
        string? title = null, detail = null, type = null;
        var codes = new List<int>();
        var messages = new List<string>();
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                title = Text(root, "title");
                detail = Text(root, "detail");
                type = Text(root, "type");
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                    foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Take(10))
                    {
                        if (error.TryGetProperty("code", out var code) && code.TryGetInt32(out var n)) codes.Add(n);
                        if ((Text(error, "message") ?? Text(error, "detail")) is { } m) messages.Add(m);
                    }
            }
        }
        catch (JsonException) { }

        var said = string.Join("; ", new[] { title, detail }.Concat(messages).Concat(codes.Select(c => $"code {c}"))
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Clip(s!)));
        if (said.Length == 0) said = body.Length == 0 ? "empty body" : "body was not X's error JSON";
        var prefix = $"X answered {status} to {endpoint}: {said}.";
        return status switch
        {
            401 => new XUnauthorizedException(endpoint, status, title, detail, type, codes,
                $"{prefix} X refused {credentials}: check that all of them are set, current and from the same app."),
            403 when endpoint.Contains("/2/sources") || endpoint.Contains("/2/broadcasts") || endpoint.Contains("/2/region") => new XForbiddenException(endpoint, status, title, detail, type, codes,
                $"{prefix} The credentials ({credentials}) cannot use X's Livestream API: it needs an account with Livestream API access "
                + "(X's Enterprise plan) and, with OAuth 2.0, the broadcast.read and broadcast.write scopes. Without it, paste the ingest URL and key from X's producer page into X_INGEST_URL and X_STREAM_KEY."),
            403 => new XForbiddenException(endpoint, status, title, detail, type, codes,
                $"{prefix} The credentials ({credentials}) lack the access this needs: posting needs an app with Read and Write "
                + "permission and user context; search needs an API access level that includes recent search."),
            _ => new XApiException(endpoint, status, title, detail, type, codes, prefix),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // A hostile or broken server could send megabytes; the message stays readable.
    private static string Clip(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
