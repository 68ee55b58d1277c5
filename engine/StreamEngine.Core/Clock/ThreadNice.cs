using System.Runtime.InteropServices;

namespace StreamEngine.Core.Clock;

/// <summary>
/// The calling thread's scheduling priority on Linux (its nice value: -20 first … 19 last). .NET's
/// <see cref="Thread.Priority"/> does not change it there, so the engine sets it itself: the frame thread higher, so
/// that a thread it wakes (a pool worker, the encoder's writer) does not take its core in the middle of a frame, and
/// background work lower.
/// </summary>
public static class ThreadNice
{
    /// <summary>Sets the calling thread's nice value; false where it is not allowed (raising it needs CAP_SYS_NICE) or not Linux.</summary>
    public static bool TrySet(int nice)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return SetPriority(0 /* PRIO_PROCESS: on Linux, one thread */, GetThreadId(), nice) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; } // another libc
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
