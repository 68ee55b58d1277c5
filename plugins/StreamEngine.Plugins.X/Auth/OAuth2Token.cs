namespace StreamEngine.Plugins.X.Auth;

/// <summary>A user's OAuth 2.0 tokens from X (authorization code with PKCE, or a refresh). ToString masks them.</summary>
public sealed record OAuth2Token(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt, string? Scope)
{
    /// <summary>Whether it should be refreshed before a request at <paramref name="now"/> (a minute of margin).</summary>
    public bool IsDue(DateTimeOffset now) => now >= ExpiresAt - TimeSpan.FromMinutes(1);

    public override string ToString() => $"OAuth2Token(access masked, refresh {(RefreshToken is null ? "none" : "masked")}, expires {ExpiresAt:u})";
}
