using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// <c>auctioneer</c>: runs the sale a lots file describes (loaded with <c>call("auctioneer", "load", lots)</c> or
/// <c>PUT /api/behaviours/auctioneer/lots</c>). Chat bids are judged in memory on the frame thread, in arrival order;
/// each event is written to the state store and announced — screen, host, WebSocket, script hooks — only once it is
/// durable. On start it rebuilds the sale from its records. docs/auction.md.
/// </summary>
public sealed partial class AuctioneerBehaviour : IShowBehaviour
{
    private IBehaviourContext? _context;
    private ShowClock? _clock;
    private Auction? _auction;
    private RecordLog? _log;
    private Screen? _screen;
    private HostVoice? _voice;
    private AskingPrice? _price;
    private SaleSounds? _sounds;
    private Task<IReadOnlyList<JsonObject>>? _restoring;
    private readonly List<StreamEngine.Sdk.Chat.ChatMessage> _waiting = [];
    private readonly List<(long N, TaskCompletionSource Done)> _acknowledgements = [];

    public string Id => "auctioneer";

    private IShowApi Show => _context?.Show ?? throw new InvalidOperationException("the auctioneer is not running");

    private JsonObject State => Show.State;

    /// <summary>The sale this show runs: its records are the stream <c>log-{sale}</c>; a new lots file starts a new one.</summary>
    private string Sale => State["sale"]?.GetValue<string>() ?? throw new InvalidOperationException("no sale");

    public void Start(IBehaviourContext context)
    {
        _context = context;
        _clock = new ShowClock(context.Show);
        _screen = new Screen(context.Show);
        _price = new AskingPrice(context.Show.Values);
        _sounds = new SaleSounds(context.Show);
        _voice = new HostVoice(context.Show, (layer, text) => context.Publish("HostLine", new JsonObject { ["layer"] = layer, ["text"] = text }));
        try { Rehearsal.Run(); }
        catch (Exception e) when (e is not OutOfMemoryException) { context.Show.Log.Warn($"the auctioneer's rehearsal failed ({e.Message}); the sale is not affected"); }
        context.Show.OnChat(OnChat);
        context.Show.OnFrame(OnFrame);
        if (State["catalogue"] is JsonObject saved) Load(saved, restart: true);
    }

    /// <summary>Loads a lots file: the same file again changes nothing (a script runs its set-up at every start); another starts a new sale.</summary>
    private JsonObject Load(JsonNode? lots, bool restart = false)
    {
        var catalogue = Catalogue.Read(lots);
        if (_auction is not null && JsonNode.DeepEquals(State["catalogue"], lots)) return Summary();
        var fresh = !restart || State["sale"] is null;
        if (fresh) State["sale"] = $"{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..27];
        State["catalogue"] = lots!.DeepClone();
        _log?.Dispose();
        _auction = new Auction(catalogue, _clock!);
        _voice!.Configure(catalogue);
        var records = Records();
        _log = new RecordLog(records, "log-" + Sale, Show.Log);
        if (records is null || fresh)
        {
            _restoring = null;
            if (records is not null) _ = records.AppendAsync("sales", new JsonObject { ["sale"] = Sale, ["lots"] = catalogue.Lots.Count }, CancellationToken.None);
            State["scene"] = null;
            _screen!.Ready(_auction);
        }
        else _restoring = records.ReadAsync("log-" + Sale, CancellationToken.None);
        return Summary();
    }

    /// <summary>
    /// The store's records, or null when the show has no state store (an offline render): then the sale lives in memory
    /// and every event is announced in the frame it happened. (Handing in-memory records to the background writer made
    /// an announcement land a frame earlier or later from one render to the next.)
    /// </summary>
    private IBehaviourRecords? Records()
    {
        if (!_context!.Records.Durable) return null;
        try
        {
            var probe = _context!.Records.ReadAsync("sales", CancellationToken.None);
            return probe.IsFaulted && probe.Exception!.InnerException is InvalidOperationException ? null : _context.Records;
        }
        catch (InvalidOperationException) { return null; }
    }

    private void OnFrame(FrameTime time)
    {
        if (_auction is null || !Restored()) return;
        if (_log!.Durable && _auction.KeepToDeadline()) _screen!.ClockMoved(_auction);
        Record(_auction.Tick());
        Announce();
        _screen!.OnFrame(_auction);
        _voice!.OnFrame(_auction);
        _sounds!.OnFrame(_auction);
        _price!.Publish(_auction);
    }

    /// <summary>Rebuilds the sale once its records are read; chat that came meanwhile is judged after, in its order.</summary>
    private bool Restored()
    {
        if (_restoring is null) return true;
        if (!_restoring.IsCompleted) return false;
        var records = _restoring.IsCompletedSuccessfully ? _restoring.Result : [];
        if (!_restoring.IsCompletedSuccessfully) Show.Log.Error($"auction records could not be read ({_restoring.Exception?.InnerException?.Message}); the sale starts again from its lots");
        _restoring = null;
        var events = records.Select(AuctionEvent.FromJson).OfType<AuctionEvent>().ToList();
        if (events.Count < records.Count) Show.Log.Warn($"{records.Count - events.Count} auction records could not be read and were skipped");
        _auction!.Rebuild(events);
        Show.Log.Info($"auction restored from {events.Count} records: {(_auction.Live is { } l ? $"lot {l.Spec.Id} at {l.Spec.Money(l.Price ?? l.Spec.Opening)}, leader {l.Leader ?? "none"}, {l.Left(_auction.Now):0.#} s left" : "no lot on the block")}");
        _screen!.Ready(_auction);
        foreach (var message in _waiting) Judge(message);
        _waiting.Clear();
        return true;
    }

    /// <summary>
    /// Events just judged go to the store; the frame announces those that are durable once, together, however many
    /// bids came in it (a flood of bids is one screen update a frame). Without a store every event is ready at once, so
    /// it is announced in the frame it happened.
    /// </summary>
    private void Record(IReadOnlyList<AuctionEvent> events)
    {
        foreach (var e in events) _log!.Add(e);
    }

    private void Announce()
    {
        var ready = _log!.TakeDurable();
        if (ready.Count == 0) return;
        foreach (var e in ready) Announce(e);
        _screen!.Show(_auction!, ready);
        _sounds!.Show(ready);
        var last = ready[^1].N;
        for (var i = _acknowledgements.Count - 1; i >= 0; i--)
            if (_acknowledgements[i].N <= last)
            {
                _acknowledgements[i].Done.TrySetResult();
                _acknowledgements.RemoveAt(i);
            }
    }

    /// <summary>A task that completes once the last of <paramref name="events"/> is durable and announced (an API answer waits for it).</summary>
    private Task Acknowledged(IReadOnlyList<AuctionEvent> events)
    {
        if (events.Count == 0) return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _acknowledgements.Add((events[^1].N, done));
        Record(events);
        return done.Task;
    }

    public void Dispose()
    {
        _price?.Clear();
        _log?.Dispose();
        foreach (var (_, done) in _acknowledgements) done.TrySetCanceled();
        _acknowledgements.Clear();
        _context = null;
    }
}
