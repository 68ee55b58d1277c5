namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Measures the CPU time a process used between two readings, from /proc/PID/stat (Linux),
/// as a percentage of one core.
/// </summary>
public sealed class ProcessCpuMeter
{
    private readonly int _processId;
    private readonly TimeProvider _time;
    private double _lastCpuSeconds;
    private long _lastTimestamp;

    /// <summary>Starts measuring <paramref name="processId"/> from now.</summary>
    /// <param name="processId">The process to measure.</param>
    /// <param name="time">The clock (a fake one in tests).</param>
    public ProcessCpuMeter(int processId, TimeProvider? time = null)
    {
        _processId = processId;
        _time = time ?? TimeProvider.System;
        Reset();
    }

    /// <summary>Starts a new measurement interval now.</summary>
    public void Reset()
    {
        _lastCpuSeconds = ReadCpuSeconds(_processId) ?? 0;
        _lastTimestamp = _time.GetTimestamp();
    }

    /// <summary>CPU used since the last reading, in % of one core; null when the process is gone.</summary>
    public double? Sample()
    {
        var cpu = ReadCpuSeconds(_processId);
        if (cpu is null) return null;
        var now = _time.GetTimestamp();
        var wall = _time.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
        var used = cpu.Value - _lastCpuSeconds;
        _lastCpuSeconds = cpu.Value;
        _lastTimestamp = now;
        return wall <= 0 ? 0 : 100.0 * used / wall;
    }

    /// <summary>User plus system CPU seconds the process has used so far; null when it is gone.</summary>
    public static double? ReadCpuSeconds(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command name (field 2) may contain spaces; fields after it start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime
            return ticks / (double)ClockTicksPerSecond;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Resident memory of a process in bytes, from /proc/PID/status; null when it is gone.</summary>
    public static long? ReadResidentBytes(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
                return kb * 1024;
            }
            return null;
        }
        catch (IOException) { return null; }
    }

    // USER_HZ is 100 on every Linux ABI .NET runs on.
    private const int ClockTicksPerSecond = 100;
}
