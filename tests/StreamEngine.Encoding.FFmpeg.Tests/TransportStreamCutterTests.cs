using StreamEngine.TestFixtures;
using StreamEngine.Encoding.FFmpeg.Tests.Support;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class TransportStreamCutterTests
{
    [Fact]
    public async Task Every_video_keyframe_of_an_ffmpeg_stream_starts_a_chunk_with_PAT_and_PMT_in_front()
    {
        // 6 s at 30 fps with a keyframe every 2 s (frames 0, 60, 120), and AAC whose packets also carry random_access_indicator.
        var ts = await Media.RunAsync("ffmpeg", TimeSpan.FromSeconds(60), "-v", "error", "-f", "lavfi", "-i", "testsrc=s=160x90:r=30",
            "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-t", "6", "-c:v", "libx264", "-g", "60", "-keyint_min", "60",
            "-sc_threshold", "0", "-c:a", "aac", "-f", "mpegts", "-");
        var cutter = new TransportStreamCutter();

        // Feed it in odd-sized pieces, as pipe reads arrive.
        var chunks = new List<TsChunk>();
        for (var offset = 0; offset < ts.Length; offset += 1000)
            chunks.AddRange(cutter.Cut(ts.AsSpan(offset, Math.Min(1000, ts.Length - offset))));

        Assert.Equal(0x100, cutter.VideoPid);
        Assert.Equal(ts.Length, chunks.Sum(c => c.Data.Length));
        var keyframes = chunks.Where(c => c.StartsAtKeyframe).ToList();
        Assert.Equal(3, keyframes.Count);
        foreach (var chunk in keyframes)
        {
            Assert.Equal(2 * TransportStreamCutter.PacketSize, chunk.Header!.Length);
            Assert.Equal(0, TsPacket.Pid(chunk.Header));
            Assert.Equal(0x100, TsPacket.Pid(chunk.Data));
            Assert.True(TsPacket.IsRandomAccessStart(chunk.Data));
        }
    }

    [Fact]
    public void Bytes_before_the_first_sync_byte_are_skipped()
    {
        var packet = new byte[TransportStreamCutter.PacketSize];
        packet[0] = 0x47;
        packet[2] = 0x42;

        var chunks = new TransportStreamCutter().Cut([1, 2, 3, .. packet]);

        Assert.Equal(packet, Assert.Single(chunks).Data);
    }
}
