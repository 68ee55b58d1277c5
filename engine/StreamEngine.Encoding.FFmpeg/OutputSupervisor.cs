using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;

using StreamEngine.Resilience;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Keeps one output going: runs its own remux ffmpeg fed from a bounded <see cref="ChunkQueue"/>, watches its
/// progress, and restarts it with backoff when it exits or stalls, for ever unless stopped or out of attempts.
/// Connecting → Live → Reconnecting → Connecting …; Stopped on purpose; Failed when it can never work.
/// </summary>
internal sealed partial class OutputSupervisor
{
    private readonly EncoderSettings _settings;
    private readonly ILogger<OutputSupervisor> _logger;
    private readonly TimeProvider _time;
    private readonly Action<OutputStateChange> _stateChanged;
    private readonly ChunkQueue _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _stateLock = new();
    private Task _run = Task.CompletedTask;
    private OutputState _state = OutputState.Connecting;
    private string? _lastError;
    private int _reconnects;
    private long _bytesSent;
    private readonly OutputHealthMeter _health;
    private readonly int? _sendBufferBytes;

    public OutputSupervisor(string id, OutputTarget target, EncoderSettings settings, int videoKbps, ILogger<OutputSupervisor> logger,
        TimeProvider time, Action<OutputStateChange> stateChanged, bool adaptive = false)
    {
        _sendBufferBytes = adaptive ? Math.Max(16 * 1024, (videoKbps + settings.AudioBitrateKbps) * 1000 / 8) : null;
        Id = id;
        Target = target;
        _settings = settings;
        _logger = logger;
        _time = time;
        _stateChanged = stateChanged;
        _health = new OutputHealthMeter(time);
        var bytesPerSecond = (videoKbps + settings.AudioBitrateKbps) * 1000L / 8;
        // At least two of the largest chunks the fan-out reads (64 KiB), however low the bitrate.
        _queue = new ChunkQueue(Math.Max(128 * 1024, (long)(bytesPerSecond * settings.Outputs.QueueDuration.TotalSeconds)), time);
    }

    public string Id { get; }

    public OutputTarget Target { get; }

    public OutputState State { get { lock (_stateLock) return _state; } }

    public OutputStatus Status
    {
        get
        {
            lock (_stateLock)
                return new(Id, Target.Display, _state, _reconnects, Interlocked.Read(ref _bytesSent), _queue.DroppedChunks, _lastError);
        }
    }

    /// <summary>Bytes of stream waiting to be sent; chunks dropped so far because it fell behind.</summary>
    public (long Bytes, long DroppedChunks) Backlog => (_queue.QueuedBytes, _queue.DroppedChunks);

    /// <summary>See <see cref="ChunkQueue.DropBacklog"/>.</summary>
    public void DropBacklog() => _queue.DropBacklog();

    /// <summary>Reports an adaptive output's step to another bitrate, with the line a producer reads.</summary>
    public void ReportStep(BitrateStep step, string message)
    {
        _logger.LogWarning("Output {Target}: {Message}", Target.Display, message);
        OutputState state;
        lock (_stateLock) state = _state;
        _stateChanged(new OutputStateChange(Id, Target.Display, state, _time.GetUtcNow(), message) { Step = step });
    }

    /// <summary>Its delivery over the last seconds; <paramref name="droppedFrames"/> are its encode's.</summary>
    public OutputHealth Health(long droppedFrames) => _health.Read(droppedFrames);

    /// <summary>Starts supervising; the first remux process starts at the next keyframe offered.</summary>
    public void Start()
    {
        SetState(OutputState.Connecting, null);
        _run = Task.Run(RunAsync);
    }

    /// <summary>Marks an output that can never work (bad target or settings) as Failed without starting it.</summary>
    public void Fail(string reason) => SetState(OutputState.Failed, reason);

    /// <summary>For outputs the encoder process writes itself (VP8/VP9): the encoder reports their state.</summary>
    public void Report(OutputState state, string? reason) => SetState(state, reason);

    /// <summary>For outputs the encoder process writes itself: bytes written so far.</summary>
    public void ReportBytes(long total) => Interlocked.Exchange(ref _bytesSent, total);

    /// <summary>Never blocks: queues the chunk, or drops it if this output is behind.</summary>
    public void Offer(TsChunk chunk) => _queue.Offer(chunk);

    /// <summary>Writes what is queued, lets ffmpeg finish the file or stream, and stops (state Stopped).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _queue.Complete();
        await _run.ConfigureAwait(false);
        if (State != OutputState.Failed) SetState(OutputState.Stopped, null);
    }

    /// <summary>Runs the remux process again whenever it ends (<see cref="Reconnection"/>), until stopped or given up.</summary>
    private async Task RunAsync()
    {
        var policy = _settings.Outputs;
        var attempt = 0;
        var reconnect = Reconnection.Pipeline<(bool WasLive, string Reason)>(_time, end => end.WasLive, (end, delay) =>
            {
                lock (_stateLock) _reconnects++;
                SetState(OutputState.Reconnecting, $"{end.Reason}; retrying in {delay.TotalSeconds:0.#} s");
            },
            maxFailures: policy.MaxAttempts, first: policy.FirstRetryDelay, factor: policy.RetryDelayFactor, longest: policy.MaxRetryDelay);
        try
        {
            var last = await reconnect.ExecuteAsync(async _ =>
            {
                if (attempt > 0) SetState(OutputState.Connecting, null);
                return await RunProcessAsync(attempt++).ConfigureAwait(false);
            }, _stop.Token).ConfigureAwait(false);
            if (_stop.IsCancellationRequested) return;
            SetState(OutputState.Failed, $"{last.Reason} (gave up after {policy.MaxAttempts} attempts, Outputs.MaxAttempts)");
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
    }

    private void SetState(OutputState state, string? reason)
    {
        lock (_stateLock)
        {
            if (_state == state && state != OutputState.Connecting) return;
            if (_state is OutputState.Stopped or OutputState.Failed) return;
            if (state == OutputState.Live || _state == OutputState.Live) _health.Live(state == OutputState.Live);
            _state = state;
            if (reason is not null && state is OutputState.Reconnecting or OutputState.Failed) _lastError = reason;
            _logger.LogInformation("Output {OutputId} {Target}: {State}{Reason}", Id, Target.Display, state, reason is null ? "" : " (" + reason + ")");
            _stateChanged(new OutputStateChange(Id, Target.Display, state, _time.GetUtcNow(), reason));
        }
    }
}
