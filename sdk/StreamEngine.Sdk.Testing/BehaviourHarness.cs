using System.Text.Json.Nodes;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Sdk.Testing;

/// <summary>
/// Runs a show behaviour without an engine: <see cref="Start"/> gives it a <see cref="HarnessShow"/> (the show API,
/// keeping layers as JSON), in-memory records and an event list; the test then sends chat, advances show time (frame
/// handlers and timers run in order, as on the frame thread), calls the behaviour and its REST routes, and asserts on
/// the layers, lines said, events published and records written.
/// </summary>
public sealed class BehaviourHarness : IDisposable
{
    private readonly IShowBehaviour _behaviour;
    private readonly FakeChatFeed _chat;

    /// <summary>A harness for <paramref name="behaviour"/>; <paramref name="state"/> is the state a previous version left.</summary>
    public BehaviourHarness(IShowBehaviour behaviour, int fps = 30, JsonObject? state = null)
    {
        _behaviour = behaviour;
        Clock = new ManualFrameClock(fps);
        _chat = new FakeChatFeed(Clock);
        Show = new HarnessShow(Clock, state ?? []);
    }

    /// <summary>Show time.</summary>
    public ManualFrameClock Clock { get; }

    /// <summary>The show the behaviour sees: layers, lines said, animations started, state.</summary>
    public HarnessShow Show { get; }

    /// <summary>The behaviour's records, by stream.</summary>
    public InMemoryRecords Records { get; } = new();

    /// <summary>Events published with <see cref="IBehaviourContext.Publish"/>: (type, data).</summary>
    public List<(string Type, JsonObject Data)> Events { get; } = [];

    /// <summary>Starts the behaviour, as the engine does when its plugin loads.</summary>
    public BehaviourHarness Start()
    {
        _behaviour.Start(new Context(this));
        return this;
    }

    /// <summary>A chat message entering the show: chat, bid and question handlers run as the engine runs them.</summary>
    public ChatMessage Chat(string author, string text, string? highlight = null) => Show.Deliver(_chat.Post(author, text, highlight));

    /// <summary>A chat message as given (with annotations from a chat stage, for example).</summary>
    public ChatMessage Chat(ChatMessage message) => Show.Deliver(_chat.Post(message));

    /// <summary>Moves show time on frame by frame: frame handlers, then due timers, each frame.</summary>
    public void AdvanceFrames(int frames)
    {
        for (var i = 0; i < frames; i++) Show.RunFrame(Clock.Advance());
    }

    /// <summary>Moves show time on by <paramref name="seconds"/>, in whole frames.</summary>
    public void AdvanceSeconds(double seconds) => AdvanceFrames((int)Math.Round(seconds * Clock.Fps));

    /// <summary>Calls the behaviour as a script would: <c>Call("auction", "open", {"lot": 3})</c>.</summary>
    public JsonNode? Call(string method, JsonNode? argument = null) => _behaviour.Call(method, argument);

    /// <summary>
    /// Sends a request to one of the behaviour's routes as the engine does (method and path matched, <c>{name}</c>
    /// segments match any value); a path no route serves answers 404.
    /// </summary>
    public async Task<BehaviourResponse> RequestAsync(string method, string path, JsonNode? body = null)
    {
        var route = _behaviour.Routes.FirstOrDefault(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && Matches(r.Path, path));
        return route is null
            ? BehaviourResponse.Problem(404, "path", $"behaviour '{_behaviour.Id}' serves no {method.ToUpperInvariant()} {path}")
            : await route.Handle(new BehaviourRequest(method.ToUpperInvariant(), path.Trim('/'), body));
    }

    /// <summary>Disposes the behaviour, as the engine does when it is replaced or the show ends.</summary>
    public void Dispose() => _behaviour.Dispose();

    private static bool Matches(string route, string path)
    {
        var (want, got) = (route.Trim('/').Split('/'), path.Trim('/').Split('/'));
        return want.Length == got.Length && want.Zip(got).All(p => p.First is ['{', .., '}'] ? p.Second.Length > 0 : p.First == p.Second);
    }

    private sealed class Context(BehaviourHarness harness) : IBehaviourContext
    {
        public Scripting.IShowApi Show => harness.Show;

        public IBehaviourRecords Records => harness.Records;

        public void Publish(string type, JsonObject data) => harness.Events.Add((type, (JsonObject)data.DeepClone()));
    }
}
