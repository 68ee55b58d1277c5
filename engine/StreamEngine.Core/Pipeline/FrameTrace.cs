using System.Diagnostics;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace StreamEngine.Core.Pipeline;

/// <summary>
/// Where a live frame's time went, for the frames that took too long (benchmarks only: off in a show). The frame
/// thread marks each phase as it ends (commands, each frame hook, each layer drawn, compose, copy); a frame longer
/// than <see cref="SlowMs"/>, or started late, is kept with its phases, the frame thread's own CPU time and its
/// time waiting for a core (Linux's <c>/proc/thread-self/schedstat</c>), and the runtime's GC pauses and
/// collections meanwhile. So a slow frame says whether it computed, waited for a core, or was stopped by a GC.
/// </summary>
public sealed class FrameTrace(double slowMs = 25, int keep = 400)
{
    [ThreadStatic] private static FrameTrace? _current;
    private readonly List<(string Phase, double Ms)> _phases = [];
    private readonly List<SlowFrame> _slow = [];
    private readonly byte[] _schedstat = new byte[128];
    private SafeFileHandle? _schedstatFile, _statFile;
    private readonly byte[] _stat = new byte[512];
    private long _majorFaults;
    private readonly long _created = Stopwatch.GetTimestamp();
    private long _started, _mark;
    private (long Cpu, long Waited) _sched;
    private TimeSpan _gcPause;
    private int _gcs;
    private long _slowCount;
    private string? _dropped;

    public double SlowMs => slowMs;

    /// <summary>The trace of the frame the calling thread is working on, or null: code on the frame thread marks phases through it.</summary>
    public static FrameTrace? Current => _current;

    /// <summary>Frames kept (the first <c>keep</c> of them) and how many there were in all.</summary>
    public IReadOnlyList<SlowFrame> Slow { get { lock (_slow) return [.. _slow]; } }

    public long SlowCount => Interlocked.Read(ref _slowCount);

    /// <summary>Frame thread: a tick starts.</summary>
    public void Begin()
    {
        _current = this;
        _phases.Clear();
        _sched = Schedstat();
        _majorFaults = MajorFaults();
        _gcPause = GC.GetTotalPauseDuration();
        _gcs = GC.CollectionCount(0);
        _started = _mark = Stopwatch.GetTimestamp();
    }

    /// <summary>Frame thread: the phase named ends now (its time counts from the previous mark).</summary>
    public void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        _phases.Add((phase, Stopwatch.GetElapsedTime(_mark, now).TotalMilliseconds));
        _mark = now;
    }

    /// <summary>Frame thread: this frame is not delivered (kept in the trace however fast it was).</summary>
    public void Dropped(string why) => _dropped = why;

    /// <summary>Frame thread: the tick of <paramref name="frame"/>, which started <paramref name="lateMs"/> after it was due, ends.</summary>
    public void End(long frame, double lateMs)
    {
        _current = null;
        var totalMs = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        var dropped = _dropped;
        _dropped = null;
        if (totalMs < slowMs && lateMs < slowMs && dropped is null) return;
        var sched = Schedstat();
        var phases = new StringBuilder();
        // A phase marked many times in a frame (a chat stage for each message) counts once, with its total.
        foreach (var phase in _phases.GroupBy(p => p.Phase).Select(g => (Name: g.Key, Ms: g.Sum(p => p.Ms))).Where(p => p.Ms >= 0.5).OrderByDescending(p => p.Ms))
            phases.Append($"{phase.Name}={phase.Ms:0.0} ");
        var slow = new SlowFrame(frame, Math.Round(lateMs, 1), Math.Round(totalMs, 1), Math.Round((sched.Cpu - _sched.Cpu) / 1e6, 1),
            Math.Round((sched.Waited - _sched.Waited) / 1e6, 1), MajorFaults() - _majorFaults, Math.Round((GC.GetTotalPauseDuration() - _gcPause).TotalMilliseconds, 1),
            GC.CollectionCount(0) - _gcs, GC.CollectionCount(0) != _gcs ? LastCollection() : null, phases.ToString().TrimEnd(), dropped, Math.Round(Stopwatch.GetElapsedTime(_created).TotalSeconds, 2));
        Interlocked.Increment(ref _slowCount);
        lock (_slow) if (_slow.Count < keep) _slow.Add(slow);
    }

    private static string LastCollection()
    {
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        var gen0 = gc.GenerationInfo[0];
        return $"gen{gc.Generation} {(gc.Compacted ? "compacting" : "sweeping")}{(gc.Concurrent ? " background" : "")}: pause {gc.PauseDurations[0].TotalMilliseconds:0.0} ms, "
            + $"promoted {gc.PromotedBytes / 1048576.0:0.0} MB, gen0 {gen0.SizeBeforeBytes / 1048576.0:0.0} → {gen0.SizeAfterBytes / 1048576.0:0.0} MB, heap {gc.HeapSizeBytes / 1048576.0:0} MB";
    }

    // Pages the frame thread waited for the disk for (code or a mapped file the kernel had evicted): field 12 of its stat.
    private long MajorFaults()
    {
        try
        {
            _statFile ??= File.OpenHandle("/proc/thread-self/stat");
            var text = Encoding.ASCII.GetString(_stat, 0, RandomAccess.Read(_statFile, _stat, 0));
            return long.Parse(text[(text.LastIndexOf(')') + 2)..].Split(' ')[9]);
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    // "cpu_ns waited_ns slices" of the calling thread; zeros where there is no such file.
    private (long Cpu, long Waited) Schedstat()
    {
        try
        {
            _schedstatFile ??= File.OpenHandle("/proc/thread-self/schedstat");
            var read = RandomAccess.Read(_schedstatFile, _schedstat, 0);
            var text = Encoding.ASCII.GetString(_schedstat, 0, read).Split(' ');
            return (long.Parse(text[0]), long.Parse(text[1]));
        }
        catch (IOException) { return (0, 0); }
        catch (UnauthorizedAccessException) { return (0, 0); }
    }
}

/// <summary>
/// One slow live frame: how late its tick started, how long it took, the frame thread's CPU time in it and time it
/// waited for a core, the pages it waited for the disk for (major faults), GC pause time and gen-0 collections during it, its phases over 0.5 ms ("ChatFeed=3.1 …"), why it was
/// not delivered (or null), and when it ended, in seconds since the trace was made.
/// </summary>
public sealed record SlowFrame(long Frame, double LateMs, double TotalMs, double CpuMs, double RunQueueMs, long MajorFaults, double GcPauseMs, int Gen0Collections, string? LastGc, string Phases,
    string? Dropped, double AtSeconds);
