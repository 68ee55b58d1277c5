using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// The default encoder: one ffmpeg child process encodes raw BGRA frames from stdin. For H.264 it writes MPEG-TS
/// to the engine, which fans it out to one supervised remux process per output, so an output reconnecting, added
/// or removed never touches the encoder or the other outputs. VP8/VP9 (not possible in MPEG-TS) are written to
/// their WebM/Matroska files by the encoder process itself. A dead encoder process is restarted with backoff.
/// Nothing here ever blocks the engine's frame clock.
/// </summary>
public sealed partial class FFmpegEncoder : IEncoder
{
    private const int FrameQueueCapacity = 3;

    private readonly EncoderSettings _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<FFmpegEncoder> _logger;
    private readonly TimeProvider _time;
    private readonly Channel<VideoFrame> _frames = Channel.CreateBounded<VideoFrame>(
        new BoundedChannelOptions(FrameQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private VideoFormat? _format;
    private Task _run = Task.CompletedTask;
    private Task? _stop;
    private readonly CancellationTokenSource _stopSignal = new();
    private volatile bool _accepting;
    private volatile bool _stopping;
    private long _framesWritten;
    private long _framesDropped;

    private readonly IAudioSource? _audio;
    private readonly AudioTee? _audioTee;
    private readonly Func<string> _nextOutputId;
    private readonly bool _isRendition;
    private AudioPacing? _audioPacing;
    private FrameSlots? _slots; // the frame clock's slots the running timeline has seen (writer thread only)

    /// <summary>Creates an encoder; nothing starts until <see cref="StartAsync"/>.</summary>
    /// <param name="settings">How to encode.</param>
    /// <param name="loggerFactory">Loggers.</param>
    /// <param name="time">The clock for backoff and timeouts (never for timestamps).</param>
    /// <param name="audio">The show's sound, fed to ffmpeg in step with the frames; null encodes silence.</param>
    public FFmpegEncoder(EncoderSettings settings, ILoggerFactory loggerFactory, TimeProvider? time = null, IAudioSource? audio = null)
        : this(settings, loggerFactory, time, audio is null ? null : new AudioTee(audio), null)
    {
    }

    /// <summary>A rendition's encode shares the show's audio (through the tee) and its output ids.</summary>
    private FFmpegEncoder(EncoderSettings settings, ILoggerFactory loggerFactory, TimeProvider? time, AudioTee? audio, Func<string>? nextOutputId)
    {
        _audioTee = audio;
        // The show's encode reads the newest audio; a rendition starting later reads from about where its first frame is.
        _audio = audio?.Reader(nextOutputId is null ? 0 : AudioLeadFrames(audio.Format));
        _isRendition = nextOutputId is not null;
        _nextOutputId = nextOutputId ?? (() => "out" + Interlocked.Increment(ref _lastOutputId));
        _settings = settings;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<FFmpegEncoder>();
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public event Action<OutputStateChange>? OutputStateChanged;

    /// <summary>Frames written to the encoder process.</summary>
    public long FramesWritten => Interlocked.Read(ref _framesWritten);

    /// <summary>
    /// Frame slots a viewer sees as dropped: each slot the engine skipped or this queue refused is filled with the
    /// previous picture (counted once it is), frames refused while the encoder process restarts, and a frame lost
    /// with a dead process.
    /// </summary>
    public long FramesDropped => Interlocked.Read(ref _framesDropped);

    /// <summary>Frames waiting to be written to the encoder process.</summary>
    public int QueuedFrames => _frames.Reader.Count;

    /// <summary>How many times the encoder process died and was restarted.</summary>
    public int EncoderRestarts { get; private set; }

    /// <summary>Pid of the running encoder ffmpeg (for benchmarks and tests); null while it is down.</summary>
    public int? EncoderProcessId { get; private set; }

    /// <summary>CPU seconds the current encoder process has used (user + system); null while it is down.</summary>
    public double? EncoderCpuSeconds => EncoderProcessId is { } pid ? ProcessCpuMeter.ReadCpuSeconds(pid) : null;

    /// <summary>The video encoder chosen at start (libx264, h264_nvenc, …); null before <see cref="StartAsync"/>.</summary>
    public VideoEncoderChoice? VideoEncoder { get; private set; }

    /// <summary>Validates the settings, picks the video encoder and starts the encoder process and the outputs added so far.</summary>
    /// <exception cref="ArgumentException">The settings or the format are invalid; the message names each field.</exception>
    public async Task StartAsync(VideoFormat format, CancellationToken cancellationToken)
    {
        if (_format is not null) throw new InvalidOperationException("The encoder was already started.");
        var problems = _settings.Validate().Select(p => p.ToString()).ToList();
        if (format.Width <= 0 || format.Height <= 0 || format.Width % 2 != 0 || format.Height % 2 != 0)
            problems.Add($"VideoFormat is '{format.Width}x{format.Height}'; expected a positive, even width and height");
        if (format.Fps is < 1 or > 240) problems.Add($"VideoFormat.Fps is '{format.Fps}'; expected 1 to 240");
        if (IsDirect && !DirectOutputs.Any())
            problems.Add($"VideoCodec is '{EncoderSettings.Name(_settings.VideoCodec)}'; expected at least one .webm or .mkv file output added before StartAsync (the encoder writes VP8/VP9 files itself)");
        if (problems.Count > 0) throw new ArgumentException("Invalid encoder settings: " + string.Join("; ", problems));

        try
        {
            VideoEncoder = await new HardwareEncoderProbe(_loggerFactory.CreateLogger<HardwareEncoderProbe>())
                .ChooseAsync(_settings).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run ffmpeg (FFmpegPath is '{_settings.FFmpegPath}'): {e.Message}", e);
        }
        _format = format;
        if (_audio is not null) _audioPacing = new AudioPacing(_audio.Format.SampleRate, format.Fps);
        _logger.LogInformation("Encoder starting: {Format}{Scale} {Encoder} preset {Preset}, {Kbps} kbit/s, keyframe every {Keyframe} s, {Mode}",
            format, _settings.ScaleTo is { } to ? $" scaled to {to.Width}x{to.Height}" : "", VideoEncoder.Name, _settings.Preset,
            _settings.VideoBitrateFor(_settings.EncodedHeight(format.Height)), _settings.KeyframeIntervalSeconds,
            _settings.Live ? "live" : "offline");
        StartRenditionsAddedEarlier(format);
        StartOutputsAddedEarlier();
        StartAdapting(format);
        _run = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>
    /// Encodes every frame already queued, lets ffmpeg flush, then finishes every output (files left playable).
    /// Cancelling stops the waiting, not the stop; processes that do not finish in time are killed.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_outputsLock) _stop ??= StopOnceAsync();
        return _stop.WaitAsync(cancellationToken);
    }

    /// <summary>Stops (see <see cref="StopAsync"/>) and releases frames still queued.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        while (_frames.Reader.TryRead(out var frame)) frame.Release();
    }

    private async Task StopOnceAsync()
    {
        _stopping = true;
        _accepting = false;
        _frames.Writer.TryComplete();
        await _stopSignal.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        await _adapt.ConfigureAwait(false);
        await Task.WhenAll(Renditions.Select(r => r.Encoder.StopAsync(CancellationToken.None))).ConfigureAwait(false);
        await Task.WhenAll(Supervisors.Select(s => s.StopAsync())).ConfigureAwait(false);
        _logger.LogInformation("Encoder stopped: {Written} frames written, {Dropped} dropped, {Restarts} encoder restarts",
            FramesWritten, FramesDropped, EncoderRestarts);
    }

    private void RaiseStateChanged(OutputStateChange change)
    {
        try { OutputStateChanged?.Invoke(change); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "An OutputStateChanged handler failed for output {OutputId}", change.OutputId);
        }
    }
}
