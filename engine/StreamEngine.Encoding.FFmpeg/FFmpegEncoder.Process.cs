using System.ComponentModel;
using Microsoft.Extensions.Logging;
using StreamEngine.Resilience;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

public sealed partial class FFmpegEncoder
{
    /// <summary>An encoder process that ran this long before dying starts the backoff over.</summary>
    private static readonly TimeSpan HealthyRun = TimeSpan.FromSeconds(30);

    /// <summary>How long a stopping encoder may take to encode its last frames and flush.</summary>
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs the encoder process, restarting it with backoff (<see cref="Reconnection"/>) whenever it dies, until stopped.</summary>
    private async Task RunAsync()
    {
        var policy = _settings.Outputs;
        var firstStart = _time.GetTimestamp();
        var attempt = 0;
        var restart = Reconnection.Pipeline<(string Reason, bool Healthy)>(_time, end => end.Healthy, (end, delay) =>
            {
                EncoderRestarts++;
                _logger.LogWarning("Encoder ffmpeg stopped ({Reason}); restarting in {Delay:0.#} s, frames are dropped meanwhile",
                    end.Reason, delay.TotalSeconds);
                foreach (var output in DirectOutputs) output.Report(OutputState.Reconnecting, end.Reason);
            },
            stopping: () => _stopping, first: policy.FirstRetryDelay, factor: policy.RetryDelayFactor, longest: policy.MaxRetryDelay);
        try
        {
            await restart.ExecuteAsync(async _ =>
            {
                // A restarted encoder's timestamps continue where the last one's ended, so the outputs' remux
                // processes see one stream with a gap rather than time going backwards.
                double Offset() => attempt == 0 ? 0
                    : _settings.Live ? _time.GetElapsedTime(firstStart).TotalSeconds
                    : (double)FramesWritten / _format!.Fps;
                var started = _time.GetTimestamp();
                var offset = Offset();
                _slots = null; // a restarted process starts a timeline of its own (its offset is the wall clock's); a hand-over goes on with this one
                var reason = await RunProcessAsync(attempt++, offset).ConfigureAwait(false);
                // An adaptive step: the next bitrate starts at once (no backoff, not a restart) and its timestamps go
                // on from the last frame's, so the ingest sees no hole in time, only the frames the step skipped.
                while (TakeHandOver())
                    reason = await RunProcessAsync(attempt++, offset = ContinuedOffset(offset)).ConfigureAwait(false);
                return (reason, _time.GetElapsedTime(started) >= HealthyRun); // a long run starts the backoff over
            }, _stopSignal.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopSignal.IsCancellationRequested) { }
    }

    /// <summary>Runs one encoder process until it exits; returns why it did.</summary>
    private async Task<string> RunProcessAsync(int attempt, double timestampOffset)
    {
        _processFrames = (-1, -1);
        var output = IsDirect
            ? FFmpegArguments.ForDirectFiles(DirectOutputs.Select(o => o.Target).ToList(), attempt)
            : FFmpegArguments.MpegTsToStdout(timestampOffset);
        using var audio = _audio is null ? null : new AudioFeed(_audio, _audioPacing!);
        var arguments = FFmpegArguments.ForEncode(_settings with { RateControl = EffectiveRateControl, VideoBitrateKbps = _ladder?.CurrentKbps ?? _settings.VideoBitrateKbps },
            _format!, VideoEncoder!, output, audio?.InputArguments, _audio?.Format.Tracks ?? 1);
        FFmpegProcess started;
        try
        {
            started = FFmpegProcess.Start(_settings.FFmpegPath, arguments, rawFrames: true);
        }
        catch (Win32Exception e)
        {
            return $"cannot start ffmpeg (FFmpegPath '{_settings.FFmpegPath}'): {e.Message}";
        }
        using var process = started;
        using var attemptEnd = new CancellationTokenSource();
        EncoderProcessId = process.Id;
        foreach (var direct in DirectOutputs) direct.Report(OutputState.Connecting, null);
        _accepting = !_stopping;
        var readTask = IsDirect ? ReadDirectProgressAsync(process, attemptEnd.Token) : FanOutAsync(process, Interlocked.Read(ref _handOverStarted) != 0);
        var writeTask = WriteFramesAsync(process, attemptEnd.Token);
        var audioTask = audio?.RunAsync(attemptEnd.Token) ?? Task.CompletedTask;
        var exit = WaitForExitAsync(process);
        if (await Task.WhenAny(exit, _handOverAsked.Task).ConfigureAwait(false) != exit)
        {
            await writeTask.ConfigureAwait(false); // its last frame written, stdin closed
            await attemptEnd.CancelAsync().ConfigureAwait(false); // the audio ends with it
            await process.WaitOrKillAsync(HandOverTimeout).ConfigureAwait(false);
        }
        await exit.ConfigureAwait(false);
        _accepting = false;
        EncoderProcessId = null;
        await attemptEnd.CancelAsync().ConfigureAwait(false);
        await writeTask.ConfigureAwait(false);
        await audioTask.ConfigureAwait(false);
        try { await readTask.ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or OperationCanceledException) { }
        return Redact(process.DescribeExit());
    }

    /// <summary>Waits for the process to exit; once stopping, gives it <see cref="FlushTimeout"/> to flush, then kills it.</summary>
    private async Task WaitForExitAsync(FFmpegProcess process)
    {
        var exit = process.WaitForExitAsync(CancellationToken.None);
        long? stopRequestedAt = null;
        while (!exit.IsCompleted)
        {
            await Task.WhenAny(exit, Task.Delay(TimeSpan.FromSeconds(0.5), _time)).ConfigureAwait(false);
            if (!_stopping) continue;
            stopRequestedAt ??= _time.GetTimestamp();
            if (_time.GetElapsedTime(stopRequestedAt.Value) <= FlushTimeout) continue;
            _logger.LogWarning("Encoder ffmpeg did not finish within {Seconds} s of stopping; killing it", FlushTimeout.TotalSeconds);
            process.Kill();
        }
    }

    /// <summary>Reads the encoder's MPEG-TS and hands each chunk to every output; never waits on an output.</summary>
    private async Task FanOutAsync(FFmpegProcess process, bool successor)
    {
        var cutter = new TransportStreamCutter();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await process.Output.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            foreach (var chunk in cutter.Cut(buffer.AsSpan(0, read)))
            {
                if (successor) successor = !TookOver();
                foreach (var output in Supervisors) output.Offer(chunk);
            }
        }
    }

    /// <summary>VP8/VP9: the encoder writes the files itself; its progress report says when they are live.</summary>
    private async Task ReadDirectProgressAsync(FFmpegProcess process, CancellationToken cancellationToken)
    {
        var progress = new FFmpegProgress();
        var live = false;
        await progress.ReadAsync(process.OutputText, () =>
        {
            foreach (var output in DirectOutputs) output.ReportBytes(progress.TotalSize);
            if (live || !progress.HasDelivered) return;
            live = true;
            foreach (var output in DirectOutputs) output.Report(OutputState.Live, null);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Auto: constant bitrate when the show is live and goes to an ingest (RTMP, SRT) at start, capped VBR otherwise.</summary>
    private RateControl EffectiveRateControl => _settings.RateControl != RateControl.Auto ? _settings.RateControl
        : _settings.Live && Supervisors.Any(s => s.Target.Kind != OutputKind.File) ? RateControl.Cbr : RateControl.Vbr;

    /// <summary>Masks the secrets of every output in a line from ffmpeg.</summary>
    private string Redact(string text) => Supervisors.Aggregate(text, (t, s) => s.Target.Redact(t));
}
