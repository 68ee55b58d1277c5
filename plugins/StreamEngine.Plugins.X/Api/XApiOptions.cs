namespace StreamEngine.Plugins.X.Api;

/// <summary>How the client reaches X. The base URL is configurable so tests and proxies can stand in for X.</summary>
public sealed record XApiOptions
{
    public Uri BaseUrl { get; init; } = new("https://api.x.com/");

    /// <summary>Attempts per request, the first included, before a 429/5xx/timeout becomes the caller's error.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Posts (and replies) allowed per show, so a runaway script cannot flood the account.</summary>
    public int PostsPerShow { get; init; } = 50;
}
