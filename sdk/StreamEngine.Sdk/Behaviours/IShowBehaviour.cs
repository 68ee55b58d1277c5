using System.Text.Json.Nodes;

namespace StreamEngine.Sdk.Behaviours;

/// <summary>
/// Long-lived show logic in a plugin (the auctioneer is one). It runs like a show script: <see cref="Start"/> is called
/// on the frame thread with the same show API scripts get (<see cref="IBehaviourContext.Show"/>: layers, animations,
/// chat and bid events, timers, <c>Say</c>) and subscribes there; its handlers run on the frame thread between frames.
/// Its state (<c>Show.State</c>) is saved with the show and handed to the next version when the plugin is reloaded.
/// Scripts reach it with <c>Call("id", "method", argument)</c>; REST clients with its <see cref="Routes"/> under
/// <c>/api/behaviours/{id}/…</c>. The engine disposes it when it is replaced or the show ends; it must then have
/// stopped every timer and thread it started itself.
/// </summary>
public interface IShowBehaviour : IDisposable
{
    /// <summary>The behaviour's id: its route prefix (<c>/api/behaviours/{id}</c>) and the name scripts call it by.</summary>
    string Id { get; }

    /// <summary>
    /// Starts the behaviour: subscribe to chat, bids, timers, frames through <c>context.Show</c>. Throwing refuses this
    /// version (a running one stays). Frame thread.
    /// </summary>
    /// <param name="context">The show API, the behaviour's records, and where to publish events.</param>
    void Start(IBehaviourContext context);

    /// <summary>
    /// A call from a script (<c>Call("auction", "open", {"lot": 3})</c>). Frame thread. Throw
    /// <see cref="ArgumentException"/> for a method or argument the behaviour does not know: the script sees the message.
    /// </summary>
    /// <param name="method">The method name.</param>
    /// <param name="argument">The argument, as JSON; null when none.</param>
    /// <returns>The result, as JSON; null for none.</returns>
    JsonNode? Call(string method, JsonNode? argument);

    /// <summary>The REST routes the behaviour serves under <c>/api/behaviours/{id}</c>. Read after <see cref="Start"/>.</summary>
    IReadOnlyList<BehaviourRoute> Routes { get; }

    /// <summary>
    /// The panel the behaviour adds to the producer's dashboard, or null (the default) for none. Read after
    /// <see cref="Start"/>; it names the behaviour's own <see cref="Routes"/>.
    /// </summary>
    BehaviourPanel? Panel => null;
}

/// <summary>What a behaviour is given when it starts.</summary>
public interface IBehaviourContext
{
    /// <summary>The same show API scripts get; <c>Show.State</c> is the behaviour's persisted state.</summary>
    Scripting.IShowApi Show { get; }

    /// <summary>The behaviour's own records (bids, sales): written before they are acknowledged.</summary>
    IBehaviourRecords Records { get; }

    /// <summary>
    /// Publishes an event to WebSocket subscribers of the <c>behaviours</c> category, as
    /// <c>{"eventType": "BehaviourEvent", "eventData": {"behaviour": id, "type": type, "data": data}}</c>. Any thread.
    /// </summary>
    /// <param name="type">The event's type, for example <c>LotOpened</c>.</param>
    /// <param name="data">The event's data (copied).</param>
    void Publish(string type, JsonObject data);
}

/// <summary>
/// A behaviour's append-only records in the show's state store (SQLite, or Redis). When <see cref="AppendAsync"/>
/// completes the record is durable: acknowledge a bid only then.
/// </summary>
public interface IBehaviourRecords
{
    /// <summary>Appends a record to one of the behaviour's streams; completes once it is durable. Throws when the store is unavailable.</summary>
    /// <param name="stream">The stream's name within the behaviour (<c>bids</c>); letters, digits, <c>-</c> and <c>_</c>.</param>
    /// <param name="record">The record (copied).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task AppendAsync(string stream, JsonObject record, CancellationToken cancellationToken);

    /// <summary>Every record of one of the behaviour's streams, oldest first.</summary>
    /// <param name="stream">The stream's name within the behaviour.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<JsonObject>> ReadAsync(string stream, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the records outlast the run: true with a state store (the default); false in an offline render, where
    /// they are kept in memory for the run and <see cref="AppendAsync"/> has completed when it returns. A behaviour that
    /// waits for durability before it shows something shows it in the same frame then, so renders repeat frame for frame.
    /// </summary>
    bool Durable => true;
}
