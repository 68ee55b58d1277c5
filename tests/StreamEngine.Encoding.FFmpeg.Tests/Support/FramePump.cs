using System.Diagnostics;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg.Tests.Support;

/// <summary>
/// Plays the engine's frame clock: offers a frame to the encoder every 1/fps seconds with TryWrite, releases the
/// frames it refuses (as the engine does) and records how the calls went.
/// </summary>
public sealed class FramePump : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private long _accepted;
    private long _refused;
    private long _longestCallTicks;

    /// <param name="noise">Random pixels instead of flat colours, so the encoder runs at its full bitrate.</param>
    public FramePump(IFrameSink sink, SolidFrames frames, VideoFormat format, bool noise = false)
    {
        _run = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / format.Fps));
            long index = 0;
            while (await WaitAsync(timer))
            {
                var shade = (byte)(index * 4 % 256);
                var frame = frames.Rent(shade, 128, (byte)(255 - shade), index++);
                if (noise) Random.Shared.NextBytes(frame.Buffer);
                var started = Stopwatch.GetTimestamp();
                var taken = sink.TryWrite(frame);
                var ticks = Stopwatch.GetTimestamp() - started;
                if (ticks > Interlocked.Read(ref _longestCallTicks)) Interlocked.Exchange(ref _longestCallTicks, ticks);
                if (taken) Interlocked.Increment(ref _accepted);
                else
                {
                    Interlocked.Increment(ref _refused);
                    frame.Release();
                }
            }
        });
    }

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Refused => Interlocked.Read(ref _refused);

    public long Calls => Accepted + Refused;

    public TimeSpan LongestCall => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _longestCallTicks));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try { return await timer.WaitForNextTickAsync(_stop.Token); }
        catch (OperationCanceledException) { return false; }
    }
}
