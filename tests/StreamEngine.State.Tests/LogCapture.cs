using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StreamEngine.State.Tests;

/// <summary>A logger factory that keeps every formatted line (with exceptions), so tests can read what an operator would.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

    public LogCapture() => Factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILoggerFactory Factory { get; }

    public IReadOnlyList<string> Lines => _lines.Select(l => $"{l.Level}: {l.Text}").ToList();

    public int Count(LogLevel level) => _lines.Count(l => l.Level == level);

    public ILogger<T> For<T>() => Factory.CreateLogger<T>();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
