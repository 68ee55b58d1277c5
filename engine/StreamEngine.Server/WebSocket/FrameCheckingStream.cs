namespace StreamEngine.Server.WebSocket;

/// <summary>
/// The upgraded connection as the WebSocket reads it, with each client frame's first two bytes checked on the way
/// (RFC 6455 section 5.2): at a frame the protocol forbids, the stream writes the close frame 1002 itself, between
/// two of the WebSocket's own frames, and then ends, so the WebSocket sees the connection close and the client has
/// read why. Writes are serialised so that the close frame never lands inside another frame.
/// </summary>
internal sealed class FrameCheckingStream(Stream inner) : Stream
{
    // FIN + close, 2 bytes of payload: 1002 (0x03EA). A server's frames are not masked.
    private static readonly byte[] ProtocolErrorClose = [0x88, 0x02, 0x03, 0xEA];
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly byte[] _header = new byte[2];
    private int _headerBytes;
    private long _payloadLeft;
    private int _lengthBytesLeft;
    private bool _masked;
    private bool _ended;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_ended) return 0;
        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (Scan(buffer.Span[..read]) is not { } badFrameAt) return read;
        _ended = true;
        await WriteAsync(ProtocolErrorClose, cancellationToken);
        // The frames before the forbidden one are handed on; the connection ends after them.
        return badFrameAt;
    }

    /// <summary>Where in <paramref name="data"/> a forbidden frame starts (0 when its start came in an earlier read), or null.</summary>
    private int? Scan(ReadOnlySpan<byte> data)
    {
        var frameStart = 0;
        for (var i = 0; i < data.Length;)
        {
            if (_lengthBytesLeft > 0)
            {
                // The extended length, big-endian; the mask (4 bytes) follows, counted with the payload.
                _payloadLeft = (_payloadLeft << 8) | data[i++];
                if (--_lengthBytesLeft == 0) EndHeader();
                continue;
            }
            if (_payloadLeft > 0)
            {
                var skip = (int)Math.Min(_payloadLeft, data.Length - i);
                _payloadLeft -= skip;
                i += skip;
                continue;
            }
            if (_headerBytes == 0) frameStart = i;
            _header[_headerBytes++] = data[i++];
            if (_headerBytes < 2) continue;
            _headerBytes = 0;
            if (!Allowed(_header[0], _header[1])) return frameStart;
            _masked = (_header[1] & 0x80) != 0;
            var length = _header[1] & 0x7F;
            _lengthBytesLeft = length switch { 126 => 2, 127 => 8, _ => 0 };
            _payloadLeft = length < 126 ? length : 0;
            if (_lengthBytesLeft == 0) EndHeader();
        }
        return null;
    }

    private void EndHeader() => _payloadLeft = Math.Max(0, _payloadLeft) + (_masked ? 4 : 0);

    /// <summary>Section 5.2: no reserved bits (no extension is negotiated), a defined opcode, a client's mask, short whole control frames.</summary>
    private static bool Allowed(byte first, byte second)
    {
        var opcode = first & 0x0F;
        var control = opcode >= 0x8;
        return (first & 0x70) == 0
            && opcode is 0x0 or 0x1 or 0x2 or 0x8 or 0x9 or 0xA
            && (second & 0x80) != 0
            && (!control || ((first & 0x80) != 0 && (second & 0x7F) <= 125));
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await inner.WriteAsync(buffer, cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    // The WebSocket only reads and writes asynchronously; the synchronous forms are here for the Stream contract.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
