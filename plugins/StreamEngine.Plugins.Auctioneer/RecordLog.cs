using System.Collections.Concurrent;
using System.Threading.Channels;
using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// Writes the auction's events to the state store in order, off the frame thread, and hands each back once it is
/// durable, still in order, for the frame thread to announce: a bid is on screen only after it is in the store. A
/// write that fails is retried (the bid stays unannounced meanwhile) until it succeeds or the behaviour stops. Events
/// that are not written (the calls) pass through in their place. Without a state store (an offline render) each event
/// is ready at once, so renders repeat frame for frame.
/// </summary>
internal sealed class RecordLog : IDisposable
{
    private readonly IBehaviourRecords? _records;
    private readonly string _stream;
    private readonly IScriptLog _log;
    private readonly Channel<AuctionEvent> _pending = Channel.CreateUnbounded<AuctionEvent>(new() { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentQueue<AuctionEvent> _durable = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _writer;
    private long _written, _failures;

    /// <param name="records">The store's records, or null when the show has none.</param>
    public RecordLog(IBehaviourRecords? records, string stream, IScriptLog log)
    {
        _records = records;
        _stream = stream;
        _log = log;
        if (records is not null) _writer = Task.Run(WriteAsync);
    }

    public bool Durable => _records is not null;

    /// <summary>Events given to the store and not yet durable.</summary>
    public long Waiting => Interlocked.Read(ref _queued) - Interlocked.Read(ref _written);

    private long _queued;

    /// <summary>Frame thread: queues an event (already judged and applied in memory).</summary>
    public void Add(AuctionEvent e)
    {
        Interlocked.Increment(ref _queued);
        if (_records is null)
        {
            _durable.Enqueue(e);
            Interlocked.Increment(ref _written);
        }
        else _pending.Writer.TryWrite(e);
    }

    /// <summary>Frame thread: the events now durable, in the order they were added.</summary>
    public List<AuctionEvent> TakeDurable()
    {
        var ready = new List<AuctionEvent>();
        while (_durable.TryDequeue(out var e)) ready.Add(e);
        return ready;
    }

    private async Task WriteAsync()
    {
        await foreach (var e in _pending.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
        {
            for (var delay = 100; e.Durable; delay = Math.Min(delay * 2, 5000))
            {
                try
                {
                    await _records!.AppendAsync(_stream, e.ToJson(), _stop.Token).ConfigureAwait(false);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    if (++_failures is 1 or 10 or 100 or 1000) _log.Error($"auction event {e.N} ({e.Type}) not saved yet ({_failures} failures so far), retrying: {ex.Message}");
                    await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
                }
            }
            _durable.Enqueue(e);
            Interlocked.Increment(ref _written);
        }
    }

    public void Dispose()
    {
        // Events already judged get a moment to reach the store; a store that is down does not hold the show's end.
        _pending.Writer.TryComplete();
        try
        {
            if (_writer?.Wait(TimeSpan.FromSeconds(2)) == false) _stop.Cancel();
            _writer?.Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException) { } // cancelled: the events not yet written were never announced, and are not in the store
        _stop.Cancel();
    }
}
