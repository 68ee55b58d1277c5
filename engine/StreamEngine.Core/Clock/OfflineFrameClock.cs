using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Clock;

/// <summary>Ticks the pipeline as fast as the sink takes frames: deterministic renders to files.</summary>
public static class OfflineFrameClock
{
    public static async Task RunAsync(FramePipeline pipeline, long frames, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        for (long n = 0; n < frames; n++)
        {
            await pipeline.TickOfflineAsync(new FrameTime(n, pipeline.Format.Fps), cancellationToken);
            progress?.Report(n + 1);
        }
    }
}
