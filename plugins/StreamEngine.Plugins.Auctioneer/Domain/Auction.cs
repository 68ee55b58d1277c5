namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>
/// A live auction, pure: commands judge against the state in memory and return the events they caused (already
/// applied); time comes from the <see cref="TimeProvider"/> (show time in the engine, a manual clock in tests), and
/// the lots' deadlines are written in wall-clock time (the second provider) so a restart finds them.
/// Refusals are events too (<c>rejected</c>, with the reason), so the sales log has every bid with its fate.
/// Operator commands that do not fit the moment (hammer with no lot open) throw <see cref="InvalidOperationException"/>.
/// </summary>
internal sealed partial class Auction
{
    private readonly TimeProvider _time;
    private readonly TimeProvider _wall;
    private readonly HashSet<string> _banned = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<double>> _attempts = new(StringComparer.OrdinalIgnoreCase);
    private double _nextOpenAt;

    /// <param name="time">Show time: the clock the lots run on.</param>
    /// <param name="wall">Wall-clock time, for the deadlines the records keep (the system clock by default).</param>
    public Auction(Catalogue catalogue, TimeProvider time, TimeProvider? wall = null)
    {
        Catalogue = catalogue;
        _time = time;
        _wall = wall ?? TimeProvider.System;
        Lots = [.. catalogue.Lots.Select(l => new LotRun(l))];
        _nextOpenAt = Now + catalogue.Rules.StartDelay;
    }

    public Catalogue Catalogue { get; }
    public IReadOnlyList<LotRun> Lots { get; }

    /// <summary>The lot on the block, or the last one that was (null before the first opens).</summary>
    public LotRun? Current { get; private set; }

    /// <summary>The number of the last event.</summary>
    public long Sequence { get; private set; }

    public IReadOnlyCollection<string> Banned => _banned;

    public double Now => (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds;

    /// <summary>Wall-clock time in Unix seconds.</summary>
    public double WallNow => (_wall.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds;

    /// <summary>The wall-clock deadline of a clock set now to <paramref name="remaining"/> seconds.</summary>
    private double DeadlineIn(double remaining) => WallNow + remaining;

    /// <summary>The lot taking bids, or null.</summary>
    public LotRun? Live => Current is { Phase: var p } c && p.TakesBids() ? c : null;

    /// <summary>When the next lot opens by itself, or null (a lot is live, none is left, or lots are opened by hand).</summary>
    public double? NextOpenAt => Live is null && Catalogue.Rules.AutoAdvance && NextScheduled() is not null ? _nextOpenAt : null;

    public LotRun Lot(string id) => Lots.FirstOrDefault(l => l.Spec.Id == id) ?? throw new KeyNotFoundException($"no lot '{id}'; expected one of {string.Join(", ", Lots.Select(l => l.Spec.Id))}");

    /// <summary>Advances the clock: opens the next lot when its time has come, calls going once/twice, closes at zero.</summary>
    public IReadOnlyList<AuctionEvent> Tick()
    {
        var events = new List<AuctionEvent>();
        if (Live is not { } lot)
        {
            if (NextOpenAt is { } at && Now >= at) events.Add(Do(OpenEvent(NextScheduled()!)));
            return events;
        }
        if (lot.Paused) return events;
        var left = lot.Left(Now);
        if (left <= 0) events.Add(Do(Close(lot, byHand: false)));
        else if (lot.PhaseFor(left) is var phase && phase > lot.Phase)
            events.Add(Do(new AuctionEvent(Sequence + 1, phase.Name(), lot.Spec.Id) { Remaining = left, At = Now }));
        return events;
    }

    /// <summary>Opens a lot (the next scheduled one when <paramref name="id"/> is null); refused while another is live.</summary>
    public IReadOnlyList<AuctionEvent> Open(string? id)
    {
        if (Live is { } live) throw new InvalidOperationException($"lot '{live.Spec.Id}' is still on the block; hammer, pass or withdraw it first");
        var lot = id is null ? NextScheduled() ?? throw new InvalidOperationException("every lot has been auctioned") : Lot(id);
        if (lot.Phase != LotPhase.Scheduled) throw new InvalidOperationException($"lot '{lot.Spec.Id}' is {lot.Phase.Name()}; only a scheduled lot opens");
        return [Do(OpenEvent(lot))];
    }

    /// <summary>Sells the live lot to the leader now (passes it when there is none or the reserve is not met).</summary>
    public IReadOnlyList<AuctionEvent> Hammer() => [Do(Close(RequireLive("hammer"), byHand: true))];

    public IReadOnlyList<AuctionEvent> Pass() =>
        [Do(new AuctionEvent(Sequence + 1, "passed", RequireLive("pass").Spec.Id) { Reason = "passed by the auctioneer", At = Now })];

    /// <summary>Takes a scheduled or live lot out of the sale (the live one when <paramref name="id"/> is null).</summary>
    public IReadOnlyList<AuctionEvent> Withdraw(string? id)
    {
        var lot = id is null ? RequireLive("withdraw") : Lot(id);
        if (lot.Phase.IsClosed()) throw new InvalidOperationException($"lot '{lot.Spec.Id}' is already {lot.Phase.Name()}");
        return [Do(new AuctionEvent(Sequence + 1, "withdrawn", lot.Spec.Id) { At = Now })];
    }

    public IReadOnlyList<AuctionEvent> Extend(double seconds)
    {
        if (seconds is <= 0 or > 3600 || !double.IsFinite(seconds)) throw new ArgumentOutOfRangeException(nameof(seconds), $"expected more than 0 and at most 3600 seconds, got {seconds}");
        var lot = RequireLive("extend");
        var remaining = lot.Left(Now) + seconds;
        return [Do(new AuctionEvent(Sequence + 1, "extended", lot.Spec.Id) { Remaining = remaining, Deadline = DeadlineIn(remaining), Amount = (decimal)seconds, At = Now })];
    }

    public IReadOnlyList<AuctionEvent> Pause()
    {
        var lot = RequireLive("pause");
        return lot.Paused ? [] : [Do(new AuctionEvent(Sequence + 1, "paused", lot.Spec.Id) { Remaining = lot.Left(Now), At = Now })];
    }

    public IReadOnlyList<AuctionEvent> Resume()
    {
        var lot = RequireLive("resume");
        return lot.Paused ? [Do(new AuctionEvent(Sequence + 1, "resumed", lot.Spec.Id) { Remaining = lot.Remaining, Deadline = DeadlineIn(lot.Remaining), At = Now })] : [];
    }

    public IReadOnlyList<AuctionEvent> Ban(string author) => _banned.Contains(author) ? [] : [Do(new AuctionEvent(Sequence + 1, "banned", null) { Author = author, At = Now })];

    public IReadOnlyList<AuctionEvent> Unban(string author) => _banned.Contains(author) ? [Do(new AuctionEvent(Sequence + 1, "unbanned", null) { Author = author, At = Now })] : [];

    private LotRun? NextScheduled() => Lots.FirstOrDefault(l => l.Phase == LotPhase.Scheduled);

    private LotRun RequireLive(string what) => Live ?? throw new InvalidOperationException($"{what}: no lot is on the block");

    private AuctionEvent OpenEvent(LotRun lot) => new(Sequence + 1, "opened", lot.Spec.Id)
        { Remaining = lot.Spec.Duration, Deadline = DeadlineIn(lot.Spec.Duration), Amount = lot.Spec.Opening, Title = lot.Spec.Title, Currency = lot.Spec.Currency, At = Now };

    private AuctionEvent Close(LotRun lot, bool byHand) => lot.Leader is { } leader && lot.ReserveMet
        ? new AuctionEvent(Sequence + 1, "sold", lot.Spec.Id) { Author = leader, Amount = lot.Price, Reason = byHand ? "hammer" : null, At = Now }
        : new AuctionEvent(Sequence + 1, "passed", lot.Spec.Id) { Reason = lot.Leader is null ? "no bids" : "reserve not met", Amount = lot.Price, At = Now };

    /// <summary>Applies an event made here and hands it back.</summary>
    private AuctionEvent Do(AuctionEvent e)
    {
        Apply(e);
        return e;
    }
}
