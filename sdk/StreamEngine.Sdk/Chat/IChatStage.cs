namespace StreamEngine.Sdk.Chat;

/// <summary>
/// A step every chat message passes through before it enters the show — moderation, spam filter, classifier,
/// prioritiser — in the order the scene's <c>chat.stages</c> lists them. Called on the frame thread, one message at a
/// time: keep it quick (no I/O; start slow work elsewhere and annotate later messages). A stage that throws is skipped
/// for that message, logged and counted; the message goes on to the next stage.
/// </summary>
public interface IChatStage
{
    /// <summary>The name <c>chat.stages</c> lists, for example <c>spam-filter</c>.</summary>
    string Name { get; }

    /// <summary>Decides what happens to a message: <see cref="ChatVerdict.Pass"/> it (possibly <see cref="ChatMessage.Annotated"/>), drop it, or delay it.</summary>
    /// <param name="message">The message as the previous stages left it; its <see cref="ChatMessage.Sequence"/> is 0 until it enters the show.</param>
    ChatVerdict Process(ChatMessage message);

    /// <summary>A source's platform banned or timed out an author (frame thread, before the frame's messages pass); most stages ignore it.</summary>
    /// <param name="ban">Who, from which source, and for how long.</param>
    void OnBan(ChatBan ban) { }
}

/// <summary>A ban (no duration) or timeout an author got on a source's platform.</summary>
/// <param name="Source">The chat source's id.</param>
/// <param name="AuthorId">The platform's author id, as in <see cref="ChatMessage.AuthorId"/>.</param>
/// <param name="Name">The author's login or name, or null when the platform did not say.</param>
/// <param name="Duration">How long a timeout lasts, or null for a ban.</param>
public sealed record ChatBan(string Source, string AuthorId, string? Name, TimeSpan? Duration);

/// <summary>What a stage decided for a message.</summary>
public sealed record ChatVerdict
{
    private ChatVerdict(ChatMessage? message, string? dropReason, TimeSpan delay)
    {
        Message = message;
        DropReason = dropReason;
        Delay = delay;
    }

    /// <summary>The message to hand on, or null when it was dropped.</summary>
    public ChatMessage? Message { get; }

    /// <summary>Why the message was dropped (logged and counted), or null.</summary>
    public string? DropReason { get; }

    /// <summary>How long to hold the message back before the next stage sees it (zero: at once).</summary>
    public TimeSpan Delay { get; }

    /// <summary>Hands the message on to the next stage.</summary>
    /// <param name="message">The message, annotated or not.</param>
    public static ChatVerdict Pass(ChatMessage message) => new(message, null, TimeSpan.Zero);

    /// <summary>Drops the message: it never enters the show.</summary>
    /// <param name="reason">Why, for the log and metrics (<c>spam</c>, <c>blocked word</c>).</param>
    public static ChatVerdict Drop(string reason) => new(null, reason, TimeSpan.Zero);

    /// <summary>Holds the message back (at most 60 s; longer is cut to 60 s), then hands it on to the next stage.</summary>
    /// <param name="message">The message, annotated or not.</param>
    /// <param name="delay">How long, in show time.</param>
    public static ChatVerdict Later(ChatMessage message, TimeSpan delay) => new(message, null, delay);
}

/// <summary>Something a chat stage found in a message.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="Kind">
/// What the message is: <c>bid</c>, <c>question</c>, <c>spam</c>, <c>greeting</c> …. A classifier's verdict is one of
/// <c>bid</c>, <c>question</c> or <c>other</c>: once a message carries one, the engine's bid rule (the toolkit's <c>BidText.TryRead</c>) follows it.
/// </param>
/// <param name="Confidence">How sure the stage is, 0 to 1.</param>
public sealed record ChatAnnotation(string Stage, string Kind, double Confidence = 1)
{
    /// <summary>An amount the message states (a bid), or null.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The message's sentiment, -1 (negative) to 1 (positive), or null when not judged.</summary>
    public double? Sentiment { get; init; }

    /// <summary>The currency of <see cref="Amount"/> as a code (<c>USD</c>, <c>EUR</c>, <c>GBP</c>, <c>ETH</c> …), or null when none was written.</summary>
    public string? Currency { get; init; }

    /// <summary>Whether <see cref="Amount"/> is a raise on the current price ("+5") rather than a price.</summary>
    public bool Raise { get; init; }

    /// <summary>Flags the stage raised, for example <c>caps</c>, <c>link</c>, <c>first-message</c>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
