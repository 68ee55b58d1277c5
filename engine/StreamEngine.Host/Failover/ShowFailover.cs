using StreamEngine.Application;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using StreamEngine.Host.Config;
using StreamEngine.Server;
using StreamEngine.State;

namespace StreamEngine.Host.Failover;

/// <summary>
/// FAILOVER=redis: several engines run one show, one active. Before the show starts this engine waits as a standby
/// (answering health and <c>/api/show</c> with its role) until it takes the show's lease; then every write to the
/// store carries its fencing token, and the lease is renewed every second. When the lease is lost — another engine
/// holds it, or Redis could not confirm it before it would expire — <see cref="Lost"/> stops the show at once, so
/// two engines never stream one show; the process exits with <see cref="LostLeaseExitCode"/> and its supervisor
/// restarts it, as a standby.
/// </summary>
internal sealed class ShowFailover : IAsyncDisposable
{
    /// <summary>EX_TEMPFAIL: the show goes on elsewhere; restart this engine and it waits as the standby.</summary>
    public const int LostLeaseExitCode = 75;

    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1), PollEvery = TimeSpan.FromMilliseconds(250);
    // Stop streaming this long before the lease could expire in Redis, so the standby never starts while we still stream.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private readonly ShowLease _lease;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new(), _stop = new();
    private readonly Task _renewing;

    private ShowFailover(ShowLease lease, ILogger logger)
    {
        _lease = lease;
        _logger = logger;
        _renewing = RenewAsync();
    }

    /// <summary>Cancelled when this engine no longer holds the show.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool LeaseLost => _lost.IsCancellationRequested;

    public long Token => _lease.Token;

    /// <summary>Null when FAILOVER is not set; otherwise returns once this engine holds the show (waiting as its standby until then).</summary>
    /// <param name="standingBy">Called once when this engine starts waiting as the standby (to prepare the show meanwhile).</param>
    public static async Task<ShowFailover?> StartAsync(EngineConfig config, IStateStore store, ILoggerFactory loggers, CancellationToken stop,
        Action? standingBy = null)
    {
        if (config.Failover != "redis") return null;
        if (store is not RedisStateStore redis)
            throw new UserInputException("configuration", "FAILOVER", "FAILOVER=redis needs REDIS_URL: the engines of a show share its state and lease in Redis");
        var logger = loggers.CreateLogger("failover");
        var instance = config.InstanceId ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        var lease = redis.Lease(instance, TimeToLive);
        if (!await TryTakeAsync(lease, logger))
        {
            logger.LogInformation("Standby: {Holder} runs the show in {Store}; taking over when its lease expires", lease.Holder, redis.Description);
            var options = new ControlServerOptions { BindAddress = config.BindAddress, Port = config.Port, WsPort = config.WsPort, MetricsPort = config.MetricsPort, HealthPort = config.HealthPort };
            await using var standby = await StandbyServer.StartAsync(options, redis.Description, instance, () => lease.Holder, loggers, stop);
            standingBy?.Invoke();
            while (!await TryTakeAsync(lease, logger)) await Task.Delay(PollEvery, stop);
        }
        redis.FencingToken = lease.Token;
        logger.LogInformation("Active: this engine ({Instance}) holds the show with fencing token {Token}", instance, lease.Token);
        return new ShowFailover(lease, logger);
    }

    private static async Task<bool> TryTakeAsync(ShowLease lease, ILogger logger)
    {
        try { return await lease.TryTakeAsync(); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning("Cannot ask Redis for the show's lease ({Reason}); trying again", e.Message);
            return false;
        }
    }

    private async Task RenewAsync()
    {
        var confirmed = DateTime.UtcNow;
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var asked = DateTime.UtcNow;
                try
                {
                    if (await _lease.RenewAsync()) { confirmed = asked; continue; }
                    Lose("another engine holds the show's lease now");
                    return;
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    if (DateTime.UtcNow - confirmed < TimeToLive - Margin)
                    {
                        _logger.LogWarning("Could not renew the show's lease ({Reason}); trying again", e.Message);
                        continue;
                    }
                    Lose($"Redis has not confirmed the lease for {(DateTime.UtcNow - confirmed).TotalSeconds:0.0} s ({e.Message}), so a standby may take it");
                    return;
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private void Lose(string why)
    {
        _logger.LogError("Stopping the show: {Why}. This engine exits with {Code}; restarted, it waits as the standby", why, LostLeaseExitCode);
        _lost.Cancel();
    }

    /// <summary>
    /// A clean stop: gives the lease up so a standby takes the show at once instead of after the lease's time to live.
    /// Called as soon as the frame clock stopped and the show's last state is saved, before the encoder flushes.
    /// </summary>
    public async Task HandOverAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        await _renewing;
        if (LeaseLost) return;
        try
        {
            await _lease.ReleaseAsync();
            _logger.LogInformation("Gave the show's lease up: a standby takes the show now");
        }
        catch (Exception e) when (e is RedisException or TimeoutException) { _logger.LogWarning("Could not release the show's lease ({Reason}); it expires by itself", e.Message); }
    }

    public async ValueTask DisposeAsync()
    {
        await HandOverAsync();
        _lost.Dispose();
        _stop.Dispose();
    }
}
