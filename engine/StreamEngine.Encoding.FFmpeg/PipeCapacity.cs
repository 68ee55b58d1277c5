using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Widens the pipe that carries raw frames to an ffmpeg child (Linux's <c>F_SETPIPE_SZ</c>). With the default 64 KiB
/// a 1080p frame crosses in about fifty writes, each one a sleep of the writer and a wake-up of ffmpeg's reader, which
/// cost both processes more CPU than the copy itself; with 1 MiB it takes a few. The engine's encoder and the bench's
/// baseline both get it (<see cref="FFmpegProcess.Start"/>), so the comparison stays even.
/// </summary>
internal static class PipeCapacity
{
    private const int SetPipeSize = 1031; // F_SETPIPE_SZ
    private const int Wanted = 1 << 20;   // what an unprivileged process may ask for by default (/proc/sys/fs/pipe-max-size)

    /// <summary>Widens <paramref name="stream"/>'s pipe where the OS allows; returns its capacity in bytes, or null when unchanged.</summary>
    public static int? TryWiden(Stream stream)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream pipe) return null;
        try
        {
            var size = Fcntl((int)pipe.SafePipeHandle.DangerousGetHandle(), SetPipeSize, Wanted);
            return size > 0 ? size : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or ObjectDisposedException) { return null; }
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command, int argument);
}
