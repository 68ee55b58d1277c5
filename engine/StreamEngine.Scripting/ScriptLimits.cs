namespace StreamEngine.Scripting;

/// <summary>
/// What a script may spend. JavaScript is cut by the interpreter when a call goes over any limit; a C# call cannot be
/// interrupted by .NET, so a C# call that overruns <see cref="CallMilliseconds"/> is abandoned and its script disabled.
/// </summary>
public sealed record ScriptLimits
{
    /// <summary>Time one call into a script may take (a handler, a timer, a frame hook): SCRIPT_TIMEOUT_MS.</summary>
    public int CallMilliseconds { get; init; } = 100;

    /// <summary>Time the script's top level may take when it loads.</summary>
    public int LoadMilliseconds { get; init; } = 2000;

    /// <summary>JavaScript statements one call may run.</summary>
    public int MaxStatements { get; init; } = 2_000_000;

    /// <summary>Bytes one JavaScript call may allocate: SCRIPT_MEMORY_MB.</summary>
    public long MemoryBytes { get; init; } = 64L << 20;

    /// <summary>JavaScript call depth.</summary>
    public int RecursionDepth { get; init; } = 200;

    /// <summary>Consecutive failing calls after which a script is disabled: SCRIPT_MAX_ERRORS.</summary>
    public int MaxConsecutiveErrors { get; init; } = 5;

    /// <summary>Timers (after, every) one script may have waiting at once.</summary>
    public int MaxTimers { get; init; } = 1_000;

    /// <summary>Animations and timelines one script may have running at once.</summary>
    public int MaxAnimations { get; init; } = 200;

    /// <summary>Whether scripts may start and stop outputs (--allow-script-outputs, SCRIPT_ALLOW_OUTPUTS).</summary>
    public bool AllowOutputs { get; init; }
}
