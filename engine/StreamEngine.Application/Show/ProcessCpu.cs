using System.Diagnostics;

namespace StreamEngine.Application;

/// <summary>The engine's CPU use since the last reading, as a percentage of the whole machine (0-100).</summary>
public sealed class ProcessCpu
{
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _lastWall = Stopwatch.GetTimestamp();

    public double Percent()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.GetElapsedTime(_lastWall);
        var used = (cpu - _lastCpu).TotalSeconds / Math.Max(wall.TotalSeconds, 1e-3) / Environment.ProcessorCount;
        (_lastCpu, _lastWall) = (cpu, Stopwatch.GetTimestamp());
        return Math.Round(Math.Clamp(used * 100, 0, 100), 1);
    }
}
