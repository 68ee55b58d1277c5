using Prometheus;
using StreamEngine.Application;

namespace StreamEngine.Server;

/// <summary>
/// Metrics of what plugins add to a show, refreshed once a second: each chat source's connection state and
/// reconnects and messages, and each behaviour's errors.
/// </summary>
public sealed class PluginMetrics : IDisposable
{
    private static readonly string[] States = ["Connecting", "Live", "Reconnecting", "Failed", "Stopped"];
    private readonly IShowControl _show;
    private readonly Gauge _sourceState, _rateRemaining, _rateLimit;
    private readonly Counter _sourceReconnects, _sourceMessages, _behaviourErrors;
    private readonly Timer _timer;

    public PluginMetrics(IShowControl show, CollectorRegistry registry)
    {
        _show = show;
        var f = Metrics.WithCustomRegistry(registry);
        _sourceState = f.CreateGauge("streamengine_chat_source_state", "Chat source state: 0 connecting, 1 live, 2 reconnecting, 3 failed, 4 stopped.", "source");
        _sourceReconnects = f.CreateCounter("streamengine_chat_source_reconnects_total", "Reconnects per chat source.", "source");
        _sourceMessages = f.CreateCounter("streamengine_chat_source_messages_total", "Chat messages posted per chat source.", "source");
        _rateRemaining = f.CreateGauge("streamengine_chat_source_rate_remaining",
            "Requests left in a chat platform's rate window, as the platform last said (X: x-rate-limit-remaining), by source and endpoint.", "source", "endpoint");
        _rateLimit = f.CreateGauge("streamengine_chat_source_rate_limit", "Requests a chat platform's rate window allows, by source and endpoint.", "source", "endpoint");
        _behaviourErrors = f.CreateCounter("streamengine_behaviour_errors_total", "Show behaviour errors (failed starts and calls), by behaviour.", "behaviour");
        _timer = new Timer(_ => Refresh(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    public void Refresh()
    {
        try
        {
            foreach (var source in _show.ChatSources())
            {
                _sourceState.WithLabels(source.Id).Set(Array.IndexOf(States, source.State));
                _sourceReconnects.WithLabels(source.Id).IncTo(source.Reconnects);
                _sourceMessages.WithLabels(source.Id).IncTo(source.Messages);
                foreach (var rate in source.RateLimits)
                {
                    _rateRemaining.WithLabels(source.Id, rate.Endpoint).Set(rate.Remaining);
                    _rateLimit.WithLabels(source.Id, rate.Endpoint).Set(rate.Limit);
                }
            }
            foreach (var behaviour in _show.Behaviours()) _behaviourErrors.WithLabels(behaviour.Id).IncTo(behaviour.Errors);
        }
        catch (Exception) { /* metrics must never take the show down; the next refresh tries again */ }
    }

    public void Dispose() => _timer.Dispose();
}
