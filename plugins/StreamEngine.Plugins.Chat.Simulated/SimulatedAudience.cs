using System.Globalization;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Chat.Simulated;

/// <summary>
/// A running simulated audience. Everything it posts is a function of the seed, the settings and the frame: message n
/// comes from its own generator, and the messages due by a frame are those whose show time has come. Bids follow the
/// price: the highest bid seen in the show's chat (any source), starting from <c>price</c>; when the auctioneer runs,
/// the live lot's price, increment and currency instead, and between lots the bidders wait.
/// </summary>
internal sealed class SimulatedAudience(ChatSourceContext context, AudienceSettings settings) : IChatSource, IShowTimeChatSource
{
    private static readonly DateTimeOffset ShowStart = DateTimeOffset.UnixEpoch;
    private readonly ChatMessage[] _recent = new ChatMessage[64];
    private volatile bool _running;
    private long _lastFrame = -1, _seen;
    private decimal _price = settings.Price;
    private AuctionPrice? _auction;

    public bool CanSend => false;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = true;
        context.Sink.Report(ChatConnectionState.Live);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        context.Sink.Report(ChatConnectionState.Stopped);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _running = false;
        return ValueTask.CompletedTask;
    }

    public Task SendAsync(string text, string? replyTo, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the simulated audience does not take messages from the show");

    public void OnFrame(FrameTime time, IChatFeed chat)
    {
        if (!_running) return;
        FollowPrice(chat);
        var previous = _lastFrame < 0 ? time.Index - 1 : _lastFrame;
        _lastFrame = time.Index;
        if (time.Index <= previous) return;
        PostScripted(previous, time);
        PostGenerated(previous, time);
    }

    /// <summary>The price is the highest bid that entered the show since the last frame (a bid must beat it to count).</summary>
    private void FollowPrice(IChatFeed chat)
    {
        _auction = AuctionPrice.Read(context.Values);
        if (_auction is { } live)
        {
            _price = live.Price;
            _seen = chat.LastSequence;
            return;
        }
        if (chat.LastSequence == _seen) return;
        var count = chat.CopyLatest(_recent);
        foreach (var message in _recent.AsSpan(0, count))
            if (message.Sequence > _seen && BidText.TryParse(message.Text, out var bid) && bid.Amount > _price && bid.Amount < _price * 100 + 1000)
                _price = bid.Amount;
        _seen = chat.LastSequence;
        System.Array.Clear(_recent);
    }

    /// <summary>Every scripted line whose time falls in (previous frame, this frame], modulo the loop.</summary>
    private void PostScripted(long previousFrame, FrameTime time)
    {
        if (settings.Script.Count == 0) return;
        var before = Within((double)previousFrame / time.Fps);
        var now = Within(time.Seconds);
        var pass = (long)(time.Seconds / settings.Loop);
        for (var i = 0; i < settings.Script.Count; i++)
        {
            var line = settings.Script[i];
            if (before < now ? line.At > before && line.At <= now : line.At > before || line.At <= now)
                context.Sink.Post(new IncomingChatMessage($"{context.Id}-s{pass}-{i}", "sim-" + line.Author, line.Author, line.Text, At(time))
                {
                    Badges = line.Badges, Color = line.Color, Mentions = Mentions(line.Text),
                });
        }
    }

    /// <summary>Message n is due at n / rate seconds (flood windows count at their own rate).</summary>
    private void PostGenerated(long previousFrame, FrameTime time)
    {
        var from = Due((double)Math.Max(0, previousFrame + 1) / time.Fps) ;
        var to = Due((double)(time.Index + 1) / time.Fps);
        var flooding = settings.Flood is { } f && time.Seconds % f.Every < f.Seconds;
        for (var n = from; n < to && n - from < 1000; n++) Post(n, flooding, time);
    }

    /// <summary>How many generated messages are due by this show time.</summary>
    private long Due(double seconds)
    {
        if (settings.Flood is not { } f) return (long)Math.Floor(seconds * settings.Rate);
        var periods = Math.Floor(seconds / f.Every);
        var into = seconds - periods * f.Every;
        var flooded = periods * f.Seconds + Math.Min(into, f.Seconds);
        return (long)Math.Floor((seconds - flooded) * settings.Rate + flooded * f.Rate);
    }

    private void Post(long n, bool flooding, FrameTime time)
    {
        var random = SplitMix.For(settings.Seed, n);
        var who = random.Pick(settings.Personas);
        var text = flooding && random.Unit() < 0.8 ? random.Pick(Phrases.Flood) : Say(who, ref random);
        context.Sink.Post(new IncomingChatMessage($"{context.Id}-{n}", "sim-" + who.Name, who.Name, text, At(time))
        {
            Badges = who.Badges, Color = who.Color, Mentions = Mentions(text),
        });
    }

    private string Say(Persona who, ref SplitMix random)
    {
        var roll = random.Unit();
        return who.Style switch
        {
            "bidder" when roll < 0.6 && WouldBid(who) => Bid(who, ref random),
            "asker" when roll < 0.6 => Phrases.Question(who.Language, ref random),
            "fan" when roll < 0.6 => random.Unit() < 0.5 ? random.Pick(Phrases.Emoji) : Phrases.Cheer(who.Language, ref random),
            "spammer" when roll < 0.8 => random.Pick(Phrases.Spam),
            _ when roll < 0.75 => Phrases.Chat(who.Language, ref random),
            _ when roll < 0.9 => random.Pick(Phrases.Emoji),
            _ => Phrases.Question(who.Language, ref random),
        };
    }

    /// <summary>Without an auctioneer, always; with one, while a lot is open and its price is within this bidder's budget for it.</summary>
    private bool WouldBid(Persona who)
    {
        if (_auction is not { } live) return true;
        return live.Open && _price + live.Increment <= Budget(who, live);
    }

    /// <summary>What this bidder would pay at most for the live lot: around its ceiling, drawn from the seed.</summary>
    private decimal Budget(Persona who, AuctionPrice live) =>
        live.Ceiling * (0.8m + 0.4m * (decimal)SplitMix.For(settings.Seed, Stable(who.Name + "|" + live.Lot)).Unit());

    /// <summary>FNV-1a: the same on every run (string.GetHashCode is not), so renders repeat.</summary>
    private static long Stable(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return (long)(hash >> 1);
    }

    /// <summary>
    /// A bid one to three increments over the price, written the ways people write bids; on a live auction, one bid in
    /// eight is a max (proxy) bid instead — <c>max 300</c> — a few increments up, within the bidder's budget, which the
    /// auctioneer then bids with for them.
    /// </summary>
    private string Bid(Persona who, ref SplitMix random)
    {
        if (_auction is { Open: true } open && random.Unit() < 0.125)
        {
            var max = Math.Min(decimal.Floor(Budget(who, open)), _price + open.Increment * (3 + random.Below(6)));
            if (max >= _price + open.Increment)
            {
                var text = max.ToString("0", CultureInfo.InvariantCulture);
                return random.Below(2) == 0 ? $"max {text}" : $"max bid {text} {open.Currency}";
            }
        }
        var (increment, currency) = _auction is { } live ? (live.Increment, live.Currency) : (settings.Increment, settings.Currency);
        _price += increment * (1 + random.Below(3));
        var amount = _price.ToString(_price == decimal.Truncate(_price) ? "0" : "0.########", CultureInfo.InvariantCulture);
        var sign = currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", _ => null };
        return (random.Below(4), sign) switch
        {
            (0, _) => $"bid {amount}",
            (1, not null) => $"{sign}{amount}",
            (2, _) => $"I bid {amount} {currency}",
            _ => $"{amount} {currency}" + (random.Unit() < 0.3 ? " 🔥" : ""),
        };
    }

    private static IReadOnlyList<string> Mentions(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 && w[0] == '@').Select(w => w[1..].TrimEnd(',', '.', '?', '!'))];

    private static DateTimeOffset At(FrameTime time) => ShowStart.AddSeconds(time.Seconds);

    private double Within(double seconds) => seconds % settings.Loop;
}
