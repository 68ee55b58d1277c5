using System.Globalization;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>How outputs are supervised: reconnect backoff, stall watchdog, queue size. The encoder process uses the same backoff.</summary>
public sealed record OutputPolicy
{
    /// <summary>Delay before the first reconnect.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Each further reconnect waits this many times longer.</summary>
    public double RetryDelayFactor { get; init; } = 1.5;

    /// <summary>The longest delay between reconnects.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>An output that makes no progress for this long while the encoder is producing is restarted.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Failed attempts after which an output gives up (state Failed); null retries forever.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Seconds of stream an output may fall behind before it drops chunks up to the next keyframe.</summary>
    public TimeSpan QueueDuration { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>An adaptive output whose link is behind this long without a break steps its bitrate down.</summary>
    public TimeSpan AdaptDownAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>An adaptive output below its bitrate whose link is healthy this long without a break steps back up.</summary>
    public TimeSpan AdaptUpAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every invalid setting; empty when the policy can be used.</summary>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var problems = new List<SettingsProblem>();
        if (FirstRetryDelay <= TimeSpan.Zero || FirstRetryDelay > MaxRetryDelay)
            problems.Add(new("Outputs.FirstRetryDelay", Text(FirstRetryDelay), "more than zero and at most Outputs.MaxRetryDelay"));
        if (!(RetryDelayFactor is >= 1 and <= 10))
            problems.Add(new("Outputs.RetryDelayFactor", RetryDelayFactor.ToString(CultureInfo.InvariantCulture), "1 to 10"));
        if (MaxRetryDelay > TimeSpan.FromHours(1))
            problems.Add(new("Outputs.MaxRetryDelay", Text(MaxRetryDelay), "at most 1 hour"));
        if (StallTimeout < TimeSpan.FromSeconds(2))
            problems.Add(new("Outputs.StallTimeout", Text(StallTimeout), "at least 2 seconds"));
        if (MaxAttempts is < 1)
            problems.Add(new("Outputs.MaxAttempts", MaxAttempts.Value.ToString(CultureInfo.InvariantCulture), "1 or more, or unset to retry forever"));
        if (QueueDuration < TimeSpan.FromSeconds(0.5) || QueueDuration > TimeSpan.FromSeconds(60))
            problems.Add(new("Outputs.QueueDuration", Text(QueueDuration), "0.5 to 60 seconds"));
        if (AdaptDownAfter < TimeSpan.FromSeconds(1) || AdaptDownAfter > TimeSpan.FromSeconds(60))
            problems.Add(new("Outputs.AdaptDownAfter", Text(AdaptDownAfter), "1 to 60 seconds"));
        if (AdaptUpAfter < TimeSpan.FromSeconds(2) || AdaptUpAfter > TimeSpan.FromHours(1))
            problems.Add(new("Outputs.AdaptUpAfter", Text(AdaptUpAfter), "2 seconds to 1 hour"));
        return problems;
    }

    private static string Text(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
