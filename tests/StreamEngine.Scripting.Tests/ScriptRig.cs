using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.TestFixtures;

namespace StreamEngine.Scripting.Tests;

/// <summary>
/// The frame thread's part of a show without pixels: scene, chat feed, animations and the script host, stepped frame by
/// frame in the pipeline's order. Scripts are real files in a temporary directory; log lines are captured.
/// </summary>
internal sealed class ScriptRig : IDisposable
{
    private readonly TempDirectory _dir = new("scripts");
    private readonly ILoggerFactory _loggers;
    private long _frame;

    public ScriptRig(ScriptLimits? limits = null, IEasingCatalog? easings = null, params string[] layerTypes)
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(Log).SetMinimumLevel(LogLevel.Debug));
        Scene = new SceneGraph(100);
        Animations = new AnimationRuntime(Scene, easings ?? new LinearOnlyEasings(), _loggers.CreateLogger<AnimationRuntime>());
        var known = layerTypes.Length > 0 ? layerTypes : ["overlay.text", "shape", "host"];
        Show = new ShowAccess(Scene, Animations, known.Contains, limits ?? new ScriptLimits { CallMilliseconds = 2000, LoadMilliseconds = 10_000 }, _loggers);
        Host = new ScriptHost(Show, Chat, _loggers.CreateLogger<ScriptHost>());
    }

    public SceneGraph Scene { get; }
    public AnimationRuntime Animations { get; }
    public ChatFeed Chat { get; } = new();
    public ShowAccess Show { get; }
    public ScriptHost Host { get; }
    public LogCapture Log { get; } = new();
    public string Directory => _dir.Root;
    public long Frame => _frame;

    public string Write(string name, string source)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, source);
        return path;
    }

    public async Task<ScriptStatus> LoadAsync(string name, string source) => await Host.AddAsync(Write(name, source));

    public void Step(int frames = 1)
    {
        for (var i = 0; i < frames; i++)
        {
            var time = new FrameTime(_frame++, 30);
            Scene.ApplyPending();
            Chat.OnFrame(time);
            Animations.OnFrame(time);
            Host.OnFrame(time);
        }
    }

    public ScriptStatus Status(string name) => Host.Statuses().Single(s => s.Name == name);

    public string? Text(string layerId) => Scene.Find(layerId)?.State.Props["text"]?.GetValue<string>();

    public JsonObject Props(string layerId) => Scene.Find(layerId)!.State.Props;

    public void Dispose()
    {
        Host.Dispose();
        _loggers.Dispose();
        _dir.Dispose();
    }
}

/// <summary>Log lines as a user reads them.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (capture._lines) capture._lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
