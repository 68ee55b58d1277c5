using System.Buffers.Binary;
using System.Diagnostics;

namespace StreamEngine.Host.Tests.Deploy;

/// <summary>
/// When nginx-rtmp received the first picture of a stream: its recording (FLV, written by nginx as each message comes
/// in) is read until a video tag carrying a frame (an AVC NAL unit, not the codec's header) is there.
/// </summary>
internal static class FirstFrameAtIngest
{
    /// <summary>Polls <paramref name="flv"/> every 20 ms and returns the clock's time when its first video frame is in it.</summary>
    public static async Task<TimeSpan> WaitAsync(string flv, Stopwatch clock, TimeSpan timeout)
    {
        var until = clock.Elapsed + timeout;
        while (clock.Elapsed < until)
        {
            if (HasVideoFrame(flv)) return clock.Elapsed;
            await Task.Delay(20);
        }
        throw new TimeoutException($"no video frame in {flv} within {timeout.TotalSeconds} s");
    }

    private static bool HasVideoFrame(string flv)
    {
        byte[] bytes;
        try
        {
            using var file = new FileStream(flv, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            bytes = new byte[file.Length];
            file.ReadExactly(bytes);
        }
        catch (FileNotFoundException) { return false; }
        // FLV: a 9-byte header and a 4-byte previous-tag size, then tags of type(1) size(3) time(4) stream(3) data trailer(4).
        for (var at = 13; at + 11 <= bytes.Length;)
        {
            var size = (int)(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at)) & 0xFFFFFF);
            var type = bytes[at];
            if (at + 11 + size > bytes.Length) return false;
            if (type == 9 && size >= 2 && bytes[at + 12] == 1) return true; // AVCPacketType 1: a NAL unit, a picture
            at += 11 + size + 4;
        }
        return false;
    }
}
