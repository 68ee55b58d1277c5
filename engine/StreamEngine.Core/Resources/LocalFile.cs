using System.Runtime.InteropServices;

namespace StreamEngine.Core.Resources;

/// <summary>
/// What the file system says about a path before anything is opened: its real path (every symlink resolved) and its
/// type and size. Opening a FIFO blocks and a device such as <c>/dev/zero</c> never ends, so both are told apart first.
/// </summary>
public static class LocalFile
{
    public enum Kind { Missing, Regular, Directory, Other }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1, StatxSize = 0x200;
    private const int TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000;

    /// <summary>The canonical path with every symlink (of the file and of its folders) resolved; null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux()) return File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : null;
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { free(resolved); }
    }

    /// <summary>The type and size of <paramref name="path"/>, following symlinks.</summary>
    public static (Kind Kind, long Size) Stat(string path)
    {
        if (!OperatingSystem.IsLinux())
            return File.Exists(path) ? (Kind.Regular, new FileInfo(path).Length) : Directory.Exists(path) ? (Kind.Directory, 0) : (Kind.Missing, 0);
        // statx's layout is the same on every architecture (stat's is not): mode at byte 28, size at byte 40.
        var buffer = new byte[256];
        if (statx(AtCurrentDirectory, path, 0, StatxType | StatxSize, buffer) != 0) return (Kind.Missing, 0);
        var kind = (BitConverter.ToUInt16(buffer, 28) & TypeMask) switch
        {
            RegularType => Kind.Regular,
            DirectoryType => Kind.Directory,
            _ => Kind.Other,
        };
        return (kind, BitConverter.ToInt64(buffer, 40));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
