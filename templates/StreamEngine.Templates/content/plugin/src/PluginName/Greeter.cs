using System.Text.Json.Nodes;
using StreamEngine.Sdk.Behaviours;

namespace PluginName;

/// <summary>
/// <c>plugin-id</c>: a show behaviour that has the host greet everyone who chats for the first time, remembers whom it
/// greeted (its state survives reloads and restarts), and serves the list at <c>GET /api/behaviours/plugin-id/greeted</c>.
/// </summary>
public sealed class Greeter : IShowBehaviour
{
    private IBehaviourContext? _context;

    /// <inheritdoc />
    public string Id => "plugin-id";

    /// <inheritdoc />
    public IReadOnlyList<BehaviourRoute> Routes =>
        [new("GET", "greeted", _ => Task.FromResult(BehaviourResponse.Ok(Greeted.DeepClone())))];

    private JsonArray Greeted => _context!.Show.State["greeted"] as JsonArray ?? (JsonArray)(_context.Show.State["greeted"] = new JsonArray());

    /// <inheritdoc />
    public void Start(IBehaviourContext context)
    {
        _context = context;
        context.Show.OnChat(message =>
        {
            if (Greeted.Any(n => n?.GetValue<string>() == message.Author)) return;
            Greeted.Add(message.Author);
            context.Show.Say($"Welcome, {message.Author}!");
            context.Publish("Greeted", new JsonObject { ["author"] = message.Author });
        });
    }

    /// <inheritdoc />
    public JsonNode? Call(string method, JsonNode? argument) => method switch
    {
        "count" => Greeted.Count,
        _ => throw new ArgumentException($"method '{method}': expected count"),
    };

    /// <inheritdoc />
    public void Dispose() { }
}
