using StreamEngine.Sdk;

namespace StreamEngine.Host.Show;

/// <summary>An encoder that encodes nothing: writes raw BGRA frames one after another to a file, the byte-exact output of an offline render.</summary>
internal sealed class RawFrameWriter(string path) : IEncoder
{
    private FileStream? _file;
    private long _written;

#pragma warning disable CS0067 // a file has no connection to lose
    public event Action<OutputStateChange>? OutputStateChanged;
#pragma warning restore CS0067

    public Task StartAsync(VideoFormat format, CancellationToken cancellationToken)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        return Task.CompletedTask;
    }

    public bool TryWrite(VideoFrame frame)
    {
        try
        {
            File.Write(frame.Pixels.Span);
            _written++;
        }
        finally { frame.Release(); }
        return true;
    }

    public async ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAsync(frame.Pixels, cancellationToken);
            _written++;
        }
        finally { frame.Release(); }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_file is not null) await _file.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null) await _file.DisposeAsync();
        _file = null;
    }

    public string AddOutput(string target, bool overwrite = true) => throw new FormatException($"{target}: a raw frame render writes one file ({path}); it takes no other output");

    public Task<bool> RemoveOutputAsync(string id) => Task.FromResult(false);

    public IReadOnlyList<EncoderOutput> ListOutputs() =>
        [new EncoderOutput("raw", path, _file is null ? OutputState.Stopped : OutputState.Live, 0, _file?.Position ?? 0, null)];

    public EncoderStats Stats() => new(0, _written, 0, null, "raw");

    private FileStream File => _file ?? throw new InvalidOperationException("StartAsync was not called");
}
