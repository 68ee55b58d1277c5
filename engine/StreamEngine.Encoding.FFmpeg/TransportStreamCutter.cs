namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Cuts the encoder's MPEG-TS into chunks so that every video keyframe starts a chunk, and remembers the latest
/// PAT and PMT. The PMT says which PID is video: ffmpeg also sets random_access_indicator on audio packets.
/// </summary>
internal sealed class TransportStreamCutter
{
    public const int PacketSize = 188;
    private const byte SyncByte = 0x47;

    private readonly byte[] _partial = new byte[PacketSize];
    private readonly MemoryStream _current = new();
    private int _partialLength;
    private byte[]? _currentHeader;
    private byte[]? _pat;
    private byte[]? _pmt;
    private int _pmtPid = -1;

    /// <summary>PID of the video stream from the latest PMT; -1 until a PMT was seen.</summary>
    public int VideoPid { get; private set; } = -1;

    /// <summary>Takes the next bytes of the stream and returns the chunks they complete (whole packets only).</summary>
    public List<TsChunk> Cut(ReadOnlySpan<byte> data)
    {
        var chunks = new List<TsChunk>();
        while (data.Length > 0)
        {
            if (_partialLength == 0 && data[0] != SyncByte)
            {
                data = data[1..]; // lost sync: skip to the next sync byte
                continue;
            }
            var take = Math.Min(PacketSize - _partialLength, data.Length);
            data[..take].CopyTo(_partial.AsSpan(_partialLength));
            _partialLength += take;
            data = data[take..];
            if (_partialLength < PacketSize) break;
            _partialLength = 0;
            Accept(_partial, chunks);
        }
        Flush(chunks);
        return chunks;
    }

    private void Accept(byte[] packet, List<TsChunk> chunks)
    {
        var pid = TsPacket.Pid(packet);
        if (pid == 0 && TsPacket.StartsPayload(packet))
        {
            _pat = (byte[])packet.Clone();
            _pmtPid = TsPacket.PmtPid(packet) ?? _pmtPid;
        }
        else if (pid == _pmtPid && TsPacket.StartsPayload(packet))
        {
            _pmt = (byte[])packet.Clone();
            VideoPid = TsPacket.VideoPid(packet) ?? VideoPid;
        }
        else if (pid == VideoPid && TsPacket.IsRandomAccessStart(packet) && _pat is not null && _pmt is not null)
        {
            Flush(chunks);
            _currentHeader = [.. _pat, .. _pmt];
        }
        _current.Write(packet);
    }

    private void Flush(List<TsChunk> chunks)
    {
        if (_current.Length == 0) return;
        chunks.Add(new TsChunk(_current.ToArray(), _currentHeader));
        _current.SetLength(0);
        _currentHeader = null;
    }
}
