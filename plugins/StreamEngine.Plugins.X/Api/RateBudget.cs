using System.Collections.Concurrent;
using System.Globalization;

namespace StreamEngine.Plugins.X.Api;

/// <summary>
/// What X says is left of each endpoint's window (<c>x-rate-limit-limit/remaining/reset</c>), read on every answer.
/// Callers wait for the reset instead of sending a request X would refuse.
/// </summary>
public sealed class RateBudget(TimeProvider clock)
{
    public sealed record Window(int Limit, int Remaining, DateTimeOffset Reset);

    private readonly ConcurrentDictionary<string, Window> _windows = new();

    /// <summary>The last window X reported for the endpoint, or null before the first answer.</summary>
    public Window? For(string endpoint) => _windows.TryGetValue(endpoint, out var w) ? w : null;

    public IReadOnlyDictionary<string, Window> All => _windows;

    /// <summary>Raised with each window X reports (the chat source hands it on to the engine's metrics).</summary>
    public event Action<string, Window>? Reported;

    public void Read(string endpoint, HttpResponseMessage response)
    {
        if (Header(response, "x-rate-limit-limit") is { } limit && Header(response, "x-rate-limit-remaining") is { } remaining
            && Header(response, "x-rate-limit-reset") is { } reset && reset is > 0 and < 1L << 40)
        {
            var window = new Window((int)Math.Clamp(limit, 0, int.MaxValue), (int)Math.Clamp(remaining, 0, int.MaxValue), DateTimeOffset.FromUnixTimeSeconds(reset));
            _windows[endpoint] = window;
            Reported?.Invoke(endpoint, window);
        }
    }

    /// <summary>How long to wait before the next request to the endpoint: zero while the window has requests left.</summary>
    public TimeSpan DelayBefore(string endpoint)
    {
        if (For(endpoint) is not { Remaining: <= 0 } window) return TimeSpan.Zero;
        var wait = window.Reset - clock.GetUtcNow();
        // One second past the reset: X's reset is whole seconds and clocks differ a little. Bounded at X's 15-minute
        // window plus slack so a nonsense header cannot park a caller for days.
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds + 1, 16 * 60));
    }

    /// <summary>After waiting for the reset the old window is spent; forget it until X reports the new one.</summary>
    public void Forget(string endpoint) => _windows.TryRemove(endpoint, out _);

    private static long? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : null;
}
