using System.Threading.Channels;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// The encoded stream waiting for one output's remux process, bounded in bytes. Offering never blocks: a full
/// queue drops the chunk and every chunk after it up to the next keyframe, so the output's decoder never sees a
/// gap inside a GOP. A freshly opened queue (a new remux process) starts at a keyframe, with PAT and PMT first.
/// </summary>
internal sealed class ChunkQueue(long capacityBytes, TimeProvider time)
{
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Channel<byte[]> _writes = Channel.CreateUnbounded<byte[]>(new() { SingleReader = false, SingleWriter = true });
    private long _bytes;
    private bool _open;
    private bool _started;
    private bool _skipToKeyframe;
    private long _lastOffer;
    private long _offeringSince;

    /// <summary>Chunks dropped because the output fell behind.</summary>
    public long DroppedChunks { get; private set; }

    /// <summary>Timestamp (of the queue's <see cref="TimeProvider"/>) of the latest chunk the encoder offered.</summary>
    public long LastOffer { get { lock (_lock) return _lastOffer; } }

    /// <summary>Timestamp at which the encoder started offering chunks again after a pause (for example its restart).</summary>
    public long OfferingSince { get { lock (_lock) return _offeringSince; } }

    /// <summary>Bytes waiting for the remux process: the output's backlog.</summary>
    public long QueuedBytes { get { lock (_lock) return _bytes; } }

    /// <summary>
    /// Forgets what is waiting and resumes at the next keyframe: an adaptive output stepping down sends the live
    /// picture at the new bitrate instead of seconds of the old one its link could not carry.
    /// </summary>
    public void DropBacklog()
    {
        lock (_lock)
        {
            Clear();
            if (_started) _skipToKeyframe = true;
        }
    }

    public void Offer(TsChunk chunk)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (_lastOffer == 0 || time.GetElapsedTime(_lastOffer, now) > Gap) _offeringSince = now;
            _lastOffer = now;
            if (!_open) return;
            if (!_started)
            {
                if (!chunk.StartsAtKeyframe) return; // a new process waits for the next keyframe; not a drop
                _started = true;
                Add(chunk.Header!);
            }
            else if (_skipToKeyframe && !chunk.StartsAtKeyframe)
            {
                DroppedChunks++;
                return;
            }
            _skipToKeyframe = false;
            if (_bytes + chunk.Data.Length > capacityBytes)
            {
                DroppedChunks++;
                _skipToKeyframe = true;
                return;
            }
            Add(chunk.Data);
        }
    }

    /// <summary>A new remux process starts: forget what the previous one left and wait for a keyframe.</summary>
    public void Open()
    {
        lock (_lock)
        {
            Clear();
            (_open, _started, _skipToKeyframe) = (true, false, false);
        }
    }

    /// <summary>No process is reading: drop what is queued and ignore offers until <see cref="Open"/>.</summary>
    public void Close()
    {
        lock (_lock)
        {
            Clear();
            _open = false;
        }
    }

    /// <summary>No more chunks will come: <see cref="TakeAsync"/> returns what is queued, then null.</summary>
    public void Complete() => _writes.Writer.TryComplete();

    /// <summary>The next bytes to write to the remux process, or null once completed and empty.</summary>
    public async ValueTask<byte[]?> TakeAsync(CancellationToken cancellationToken)
    {
        while (await _writes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lock (_lock)
            {
                if (!_writes.Reader.TryRead(out var data)) continue;
                _bytes -= data.Length;
                return data;
            }
        }
        return null;
    }

    private void Add(byte[] data)
    {
        if (_writes.Writer.TryWrite(data)) _bytes += data.Length;
    }

    private void Clear()
    {
        while (_writes.Reader.TryRead(out var data)) _bytes -= data.Length;
    }
}
