using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// Where the OAuth 2.0 user token is kept between runs: a JSON file in the engine's data directory that only the
/// engine's user can read or write (mode 0600 on Unix, set when the file is created, before any secret is in it), not
/// encrypted. It is replaced atomically (temp file, then rename), so a crash leaves the previous token.
/// </summary>
public sealed class TokenFile(string path)
{
    public string Path { get; } = path;

    public OAuth2Token? Load()
    {
        if (!File.Exists(Path)) return null;
        try
        {
            var o = JsonNode.Parse(File.ReadAllText(Path)) as JsonObject;
            if (o?["access_token"]?.GetValue<string>() is not { Length: > 0 } access) return null;
            return new OAuth2Token(access, o["refresh_token"]?.GetValue<string>(), DateTimeOffset.Parse(o["expires_at"]!.GetValue<string>(),
                System.Globalization.CultureInfo.InvariantCulture), o["scope"]?.GetValue<string>());
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            return null; // unreadable: the user authorizes again
        }
    }

    public void Save(OAuth2Token token)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var temp = Path + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(file, new JsonObject
            {
                ["access_token"] = token.AccessToken, ["refresh_token"] = token.RefreshToken,
                ["expires_at"] = token.ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), ["scope"] = token.Scope,
            });
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, Path, overwrite: true);
    }
}
