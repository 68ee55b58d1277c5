using System.Globalization;
using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// An adaptive rendition (one live ingest, never shared): twice a second its output's delivery speed and backlog go to
/// its <see cref="BitrateLadder"/>; a step hands the encode over to a new ffmpeg at the new bitrate (ffmpeg cannot
/// change libx264's bitrate while it runs). The output's remux process, and so its connection to the ingest, stays:
/// the old encode finishes its last frames, the new one starts with a keyframe and continues the timestamps, and the
/// ingest sees one stream with a short gap. Nothing else (the show's encode, other outputs, the recording) is touched.
/// </summary>
public sealed partial class FFmpegEncoder
{
    private static readonly TimeSpan AdaptInterval = TimeSpan.FromSeconds(0.5);

    /// <summary>How long the old encode may take to finish its last frames before it is killed.</summary>
    private static readonly TimeSpan HandOverTimeout = TimeSpan.FromSeconds(5);

    private OutputRendition? _adaptive;
    private BitrateLadder? _ladder;
    private Task _adapt = Task.CompletedTask;
    private volatile bool _handOver;
    private TaskCompletionSource _handOverAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _handOverStarted;

    /// <summary>The frame indices the current encoder process got first and last (its writer thread writes them).</summary>
    private (long First, long Last) _processFrames = (-1, -1);

    /// <summary>The video bitrate the encode uses now: the ladder's rung when adaptive.</summary>
    private int VideoKbpsNow => _ladder?.CurrentKbps ?? _settings.VideoBitrateFor(_settings.EncodedHeight(_format?.Height ?? 1080));

    /// <summary>Called on a rendition's own encode before it starts: it adapts to its one output's link.</summary>
    private void AdaptTo(OutputRendition rendition) => _adaptive = rendition;

    private void StartAdapting(VideoFormat format)
    {
        if (_adaptive is null) return;
        var top = _settings.VideoBitrateFor(_settings.EncodedHeight(format.Height));
        _ladder = new BitrateLadder(top, _adaptive.MinVideoBitrateKbps, _settings.Outputs.AdaptDownAfter, _settings.Outputs.AdaptUpAfter,
            _time.GetElapsedTime(0));
        _adapt = Task.Run(AdaptAsync);
    }

    private async Task AdaptAsync()
    {
        var ladder = _ladder!;
        long droppedBefore = 0;
        try
        {
            while (!_stopSignal.IsCancellationRequested)
            {
                await Task.Delay(AdaptInterval, _time, _stopSignal.Token).ConfigureAwait(false);
                if (Supervisors is not [var output]) continue;
                var now = _time.GetElapsedTime(0);
                var (bytes, dropped) = output.Backlog;
                var backlogSeconds = bytes * 8 / 1000.0 / (ladder.CurrentKbps + _settings.AudioBitrateKbps);
                var newDrops = dropped > droppedBefore;
                droppedBefore = dropped;
                if (output.State != OutputState.Live)
                {
                    ladder.Pause(now);
                    continue;
                }
                var speed = output.Health(0).Speed;
                var from = ladder.CurrentKbps;
                if (ladder.Observe(speed, backlogSeconds, newDrops, now) is { } to) Step(output, from, to, speed, backlogSeconds);
            }
        }
        catch (OperationCanceledException) { }
    }

    private void Step(OutputSupervisor output, int from, int to, double speed, double backlogSeconds)
    {
        var down = to < from;
        // What waits was encoded at a bitrate the link could not carry: the new one starts from the live picture.
        if (down) output.DropBacklog();
        var message = down
            ? string.Create(CultureInfo.InvariantCulture, $"the link is not keeping up (speed {speed:0.00}×, {backlogSeconds:0.0} s waiting); stepping down to {to} kbit/s")
            : string.Create(CultureInfo.InvariantCulture, $"the link has kept up for {_settings.Outputs.AdaptUpAfter.TotalSeconds:0} s; stepping back up to {to} kbit/s");
        output.ReportStep(new BitrateStep(from, to, speed, Math.Round(backlogSeconds, 2)), message);
        _handOver = true;
        _handOverAsked.TrySetResult();
    }

    /// <summary>On the writer thread: the old encode took its last frame now (the start of the step's gap).</summary>
    private bool HandingOver()
    {
        Interlocked.Exchange(ref _handOverStarted, _time.GetTimestamp());
        return true;
    }

    /// <summary>On the fan-out: the first chunk after a hand-over ends the gap; says how long it was.</summary>
    private bool TookOver()
    {
        var started = Interlocked.Exchange(ref _handOverStarted, 0);
        if (started == 0) return true;
        _logger.LogInformation("Encoder at {Kbps} kbit/s took over; the stream paused {Gap:0} ms for the step",
            VideoKbpsNow, _time.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    /// <summary>
    /// The timestamp offset of the process after a hand-over: the previous one's, plus the frames it got, counted by
    /// index (frames dropped in between advance it, as they advance the audio's pacing).
    /// </summary>
    private double ContinuedOffset(double previous)
    {
        var (first, last) = _processFrames;
        _processFrames = (-1, -1);
        return first < 0 ? previous : previous + (double)(last + 1 - first) / _format!.Fps;
    }

    /// <summary>The run loop asks after each process: was it ended to hand over to a new bitrate? Resets the request.</summary>
    private bool TakeHandOver()
    {
        if (!_handOver || _stopping) return false;
        _handOver = false;
        _handOverAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return true;
    }
}
