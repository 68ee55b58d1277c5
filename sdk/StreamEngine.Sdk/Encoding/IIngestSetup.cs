namespace StreamEngine.Sdk.Encoding;

/// <summary>
/// A platform's live ingest that a plugin sets up through the platform's API, for the output preset of the same name:
/// with <c>--output x</c> and <c>X_BROADCAST=auto</c> the engine asks it for the ingest URL and stream key before it
/// starts streaming (instead of reading them from X_INGEST_URL and X_STREAM_KEY), and closes it when the show ends.
/// </summary>
public interface IIngestSetup
{
    /// <summary>The output preset it serves, for example <c>x</c>.</summary>
    string Preset { get; }

    /// <summary>
    /// Creates or reuses the ingest and takes the broadcast live. Throw with a message naming what is missing (a
    /// credential, an access level); the engine then refuses to start and says so.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the engine stops waiting (Ctrl+C).</param>
    Task<IngestPoint> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The show ended: end the broadcast this setup started. Failures are logged by the engine, never thrown into the show.</summary>
    /// <param name="cancellationToken">Cancelled when the engine stops waiting.</param>
    Task CloseAsync(CancellationToken cancellationToken);
}

/// <summary>Where to stream: the ingest URL and the stream key, a credential (<see cref="ToString"/> masks it).</summary>
/// <param name="Url">The ingest URL, such as <c>rtmps://host:443/app</c>.</param>
/// <param name="StreamKey">The stream key, appended to the URL as its last path segment.</param>
public sealed record IngestPoint(string Url, string StreamKey)
{
    /// <summary>The URL with the key masked.</summary>
    public override string ToString() => $"IngestPoint({Url}, key masked)";
}
