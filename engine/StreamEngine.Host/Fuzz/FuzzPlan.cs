namespace StreamEngine.Host.Fuzz;

/// <summary>
/// The seeded sequence of cases: each step picks a front door by weight and asks its generator for a case. Nothing
/// depends on the engine's answers, so the same seed and show always send the same sequence (a finding can be replayed).
/// </summary>
internal sealed class FuzzPlan
{
    private readonly Random _random;
    private readonly (double Weight, Func<FuzzCase> Next)[] _doors;

    public FuzzPlan(int seed, ShowFacts show)
    {
        _random = new Random(seed);
        var g = new Garbage(_random);
        var scene = new SceneCases(g, show);
        var chat = new ChatCases(g);
        var script = new ScriptCases(g, show, chat);
        var rest = new RestCases(g, show, scene, chat, script);
        var socket = new SocketCases(g, show, scene, script);
        _doors = [(0.3, rest.Next), (0.25, socket.Next), (0.15, chat.Next), (0.15, scene.Next), (0.15, script.Next)];
    }

    public FuzzCase Next()
    {
        var pick = _random.NextDouble();
        foreach (var (weight, next) in _doors)
        {
            if (pick < weight) return next();
            pick -= weight;
        }
        return _doors[^1].Next();
    }
}
