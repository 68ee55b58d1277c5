namespace StreamEngine.Resilience;

/// <summary>
/// A connection loop run in the background by a chat source: started once, stopped by cancelling it and waiting for it
/// to end (whatever it threw). Compiled into each plugin that uses it, beside <see cref="Reconnection"/>.
/// </summary>
internal sealed class BackgroundRun
{
    private CancellationTokenSource? _stop;
    private Task? _running;

    /// <summary>Whether it was started and not stopped since.</summary>
    public bool Started => _stop is not null;

    /// <summary>Runs <paramref name="run"/> on the thread pool until it ends or <see cref="StopAsync"/> cancels it.</summary>
    public void Start(Func<CancellationToken, Task> run)
    {
        var stop = _stop = new CancellationTokenSource();
        _running = Task.Run(() => run(stop.Token), CancellationToken.None);
    }

    /// <summary>Cancels the run and waits for it to end (or for <paramref name="cancellationToken"/>); nothing when not started.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stop is not { } stop) return;
        await stop.CancelAsync();
        if (_running is { } running) await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
        (_stop, _running) = (null, null);
    }
}
