namespace StreamEngine.Sdk;

/// <summary>
/// Turns frames into a stream for the outputs. Encoders are swappable: the default runs ffmpeg as a child process.
/// </summary>
public interface IEncoder : IFrameSink, IAsyncDisposable
{
    /// <summary>Raised on every output state change.</summary>
    event Action<OutputStateChange>? OutputStateChanged;

    /// <summary>Starts encoding frames of <paramref name="format"/>.</summary>
    Task StartAsync(VideoFormat format, CancellationToken cancellationToken);

    /// <summary>Encodes every frame already written, finalizes the outputs (a file is left playable) and stops.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
