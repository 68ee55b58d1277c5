using System.Diagnostics;
using Jint;

namespace StreamEngine.Scripting.JavaScript;

/// <summary>Jint's time limit with a budget that changes per call: longer for a script's top level than for a frame hook.</summary>
internal sealed class ScriptDeadline : Constraint
{
    private long _deadline = long.MaxValue;

    public TimeSpan Budget { get; set; }

    public override void Check()
    {
        if (Stopwatch.GetTimestamp() > _deadline) throw new TimeoutException($"the call ran longer than {Budget.TotalMilliseconds:0} ms");
    }

    public override void Reset() => _deadline = Stopwatch.GetTimestamp() + (long)(Budget.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Moves the deadline on by time the script did not spend itself (a call into a behaviour).</summary>
    public void Extend(long ticks)
    {
        if (_deadline != long.MaxValue) _deadline += ticks;
    }
}
