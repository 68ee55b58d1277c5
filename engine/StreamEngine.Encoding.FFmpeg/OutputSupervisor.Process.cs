using System.ComponentModel;
using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

internal sealed partial class OutputSupervisor
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs one remux process until it exits, stalls or is stopped; says whether it went live and why it ended.</summary>
    private async Task<(bool WasLive, string Reason)> RunProcessAsync(int attempt)
    {
        FFmpegProcess started;
        try
        {
            started = FFmpegProcess.Start(_settings.FFmpegPath, FFmpegArguments.ForRemux(Target, attempt, _settings.AudioCodec, _settings.KeyframeIntervalSeconds, _sendBufferBytes));
        }
        catch (Win32Exception e)
        {
            return (false, $"cannot start ffmpeg (FFmpegPath '{_settings.FFmpegPath}'): {e.Message}");
        }
        using var process = started;
        using var attemptEnd = new CancellationTokenSource();
        _queue.Open();
        var progress = new FFmpegProgress(sizeUnknown: Target.Format == "hls");
        var lastProgress = _time.GetTimestamp();
        var wasLive = false;
        var progressTask = progress.ReadAsync(process.OutputText, () =>
        {
            lastProgress = _time.GetTimestamp();
            // HLS reports no size: what it was fed then stands for what it wrote.
            _health.Sample(progress.TotalSize > 0 ? progress.TotalSize : Interlocked.Read(ref _bytesSent), progress.Frames, progress.OutTimeMicroseconds);
            if (wasLive || !progress.HasDelivered) return;
            wasLive = true;
            SetState(OutputState.Live, null);
        }, attemptEnd.Token);
        var feedTask = FeedAsync(process, attemptEnd.Token);
        var exitTask = process.WaitForExitAsync(CancellationToken.None);
        string? watchdogReason = null;
        long? stopRequestedAt = null;
        while (!exitTask.IsCompleted)
        {
            await Task.WhenAny(exitTask, Task.Delay(WatchInterval, _time)).ConfigureAwait(false);
            var now = _time.GetTimestamp();
            if (_stop.IsCancellationRequested)
            {
                stopRequestedAt ??= now;
                if (_time.GetElapsedTime(stopRequestedAt.Value, now) > StopTimeout) process.Kill();
            }
            else if (IsStalled(lastProgress, now))
            {
                watchdogReason = $"no progress for {_settings.Outputs.StallTimeout.TotalSeconds:0} s";
                process.Kill();
            }
        }
        await attemptEnd.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(Quietly(feedTask), Quietly(progressTask)).ConfigureAwait(false);
        _queue.Close();
        return (wasLive, watchdogReason ?? Target.Redact(process.DescribeExit()));
    }

    /// <summary>The encoder is producing, but this output has not advanced for the stall timeout.</summary>
    private bool IsStalled(long lastProgress, long now)
    {
        var producing = _time.GetElapsedTime(_queue.LastOffer, now) < TimeSpan.FromSeconds(2);
        var since = Math.Max(lastProgress, _queue.OfferingSince);
        return producing && _time.GetElapsedTime(since, now) > _settings.Outputs.StallTimeout;
    }

    private async Task FeedAsync(FFmpegProcess process, CancellationToken cancellationToken)
    {
        try
        {
            while (await _queue.TakeAsync(cancellationToken).ConfigureAwait(false) is { } data)
            {
                await process.Input.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _bytesSent, data.Length);
            }
            process.CloseInput(); // stopping: ffmpeg finishes the file or stream and exits
        }
        catch (IOException e)
        {
            _logger.LogDebug("Output {OutputId}: remux input closed: {Error}", Id, Target.Redact(e.Message));
        }
    }

    private static async Task Quietly(Task task)
    {
        try { await task.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }
}
