using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests.Support;

/// <summary>Keeps every formatted log line (with exception text) so a test can search them; echoes them to the test output.</summary>
public sealed class RecordingLoggerProvider(ITestOutputHelper? output) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    private ITestOutputHelper? Output => output;

    public static ILoggerFactory CreateFactory(out RecordingLoggerProvider provider, ITestOutputHelper? output = null)
    {
        var recording = new RecordingLoggerProvider(output);
        provider = recording;
        return LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(recording));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                line += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
            if (exception is not null) line += " " + exception;
            provider._lines.Enqueue(line);
            try { provider.Output?.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {line}"); }
            catch (InvalidOperationException) { } // the test has finished
        }
    }
}
