using Polly;
using Polly.Retry;

namespace StreamEngine.Resilience;

/// <summary>
/// The one reconnect policy of everything that holds a connection open (the ffmpeg encoder and its outputs, the IRC
/// and YouTube chat sources): a Polly retry pipeline that runs a connection again whenever it ends, waiting 2 s, 3 s,
/// 4.5 s … (×1.5, at most 60 s; the encoder's outputs take these from their settings), and starting over at the first
/// delay once a connection got live. Forever, unless <c>maxFailures</c> says when to give up; cancelling the token stops
/// it, also while it waits. Time comes from the given <see cref="TimeProvider"/>, so tests drive it.
/// This file is compiled into each assembly that uses it (plugins see only the SDK; Polly.Core stays private to each).
/// </summary>
internal static class Reconnection
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2), LongestDelay = TimeSpan.FromSeconds(60);
    public const double Factor = 1.5;

    /// <summary>The wait after the <paramref name="failures"/>-th end in a row (0: the first).</summary>
    public static TimeSpan Delay(int failures, TimeSpan? first = null, double factor = Factor, TimeSpan? longest = null)
    {
        var (start, cap) = (first ?? FirstDelay, longest ?? LongestDelay);
        var ticks = start.Ticks * Math.Pow(factor, Math.Min(failures, 1000));
        return ticks >= cap.Ticks || double.IsInfinity(ticks) ? cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// A pipeline that runs a connection (the callback returns how it ended) again after every end, until cancelled.
    /// </summary>
    /// <param name="time">Where the waits are timed.</param>
    /// <param name="wasLive">Whether the connection that ended got live: the delays start over.</param>
    /// <param name="waiting">Told about every end that is retried and how long it waits (report "reconnecting" here).</param>
    /// <param name="immediately">An end that is retried at once (a server that asks to reconnect), without growing the delay.</param>
    /// <param name="maxFailures">Give up (return the end) after this many ends in a row that did not get live.</param>
    /// <param name="stopping">True once the owner is stopping: the end is returned, not retried.</param>
    /// <param name="first">The first wait (2 s).</param>
    /// <param name="factor">How much each wait grows (×1.5).</param>
    /// <param name="longest">The longest wait (60 s).</param>
    public static ResiliencePipeline<TEnd> Pipeline<TEnd>(TimeProvider time, Func<TEnd, bool> wasLive, Action<TEnd, TimeSpan> waiting,
        Func<TEnd, bool>? immediately = null, int? maxFailures = null, Func<bool>? stopping = null,
        TimeSpan? first = null, double factor = Factor, TimeSpan? longest = null)
    {
        var failures = 0; // ends in a row that did not get live; one pipeline per connection, used by one loop
        return new ResiliencePipelineBuilder<TEnd> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<TEnd>
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args =>
                {
                    if (args.Outcome.Exception is not null || args.Context.CancellationToken.IsCancellationRequested || stopping?.Invoke() == true)
                        return PredicateResult.False();
                    if (wasLive(args.Outcome.Result!)) failures = 0;
                    return new ValueTask<bool>(++failures < (maxFailures ?? int.MaxValue));
                },
                DelayGenerator = args =>
                {
                    var end = args.Outcome.Result!;
                    if (immediately?.Invoke(end) == true)
                    {
                        failures--; // does not count toward the backoff
                        return new ValueTask<TimeSpan?>(TimeSpan.Zero);
                    }
                    return new ValueTask<TimeSpan?>(Delay(failures - 1, first, factor, longest));
                },
                OnRetry = args =>
                {
                    waiting(args.Outcome.Result!, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }
}
