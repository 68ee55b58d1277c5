using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

public sealed partial class FFmpegEncoder
{
    private readonly Lock _outputsLock = new();
    private OutputSupervisor[] _supervisors = [];
    private int _lastOutputId;

    /// <summary>Every output with its state and counters; targets have their secrets masked.</summary>
    public IReadOnlyList<OutputStatus> Outputs =>
        [.. Supervisors.Select(s => s.Status with { Health = s.Health(FramesDropped), VideoBitrateKbps = VideoKbpsNow }), .. Renditions.SelectMany(r => r.Encoder.Outputs.Select(o => o with { Rendition = r.Spec }))];

    /// <summary>Where an output goes, secrets included (to add it again after stopping it); null for an unknown id.</summary>
    public OutputTarget? TargetOf(string id) =>
        Supervisors.FirstOrDefault(s => s.Id == id)?.Target ?? Renditions.Select(r => r.Encoder.TargetOf(id)).FirstOrDefault(t => t is not null);

    /// <summary>VP8/VP9 cannot travel in MPEG-TS, so the encoder process writes those files itself.</summary>
    private bool IsDirect => _settings.VideoCodec != VideoCodec.H264;

    private OutputSupervisor[] Supervisors => Volatile.Read(ref _supervisors);

    private IEnumerable<OutputSupervisor> DirectOutputs =>
        IsDirect ? Supervisors.Where(s => s.State != OutputState.Failed) : [];

    /// <summary>
    /// Adds an output (<c>rtmp://</c>, <c>rtmps://</c>, <c>srt://</c> or a file path), before or while encoding, and
    /// returns its id. It starts at the next keyframe and never disturbs the other outputs. An output these settings
    /// cannot feed (say RTMP with vp9) is added in state Failed with the reason.
    /// </summary>
    /// <param name="target">An rtmp://, rtmps:// or srt:// URL, or a file path.</param>
    /// <param name="overwrite">False: a file output never replaces an existing file (ffmpeg's own check, so no race either).</param>
    /// <exception cref="FormatException">The text is not a target; the message masks any secret.</exception>
    public string AddOutput(string target, bool overwrite = true)
    {
        if (_stopping) throw new InvalidOperationException("The encoder is stopped; it takes no more outputs.");
        var parsed = OutputTarget.Parse(target);
        if (!overwrite) parsed = parsed.KeepingExistingFiles();
        var id = _nextOutputId();
        var supervisor = new OutputSupervisor(id, parsed, _settings, _settings.VideoBitrateFor(_settings.EncodedHeight(_format?.Height ?? 1080)),
            _loggerFactory.CreateLogger<OutputSupervisor>(), _time, RaiseStateChanged, adaptive: _adaptive is not null);
        lock (_outputsLock) _supervisors = [.. _supervisors, supervisor];
        var problem = _settings.ProblemWith(parsed);
        if (problem is null && IsDirect && _format is not null)
            problem = $"{parsed.Display}: with VideoCodec {EncoderSettings.Name(_settings.VideoCodec)} the encoder writes its files itself, so outputs must be added before it starts";
        if (problem is not null) supervisor.Fail(problem);
        else if (_format is not null) supervisor.Start();
        return id;
    }

    /// <summary>
    /// Stops an output (a file is finished and left playable) and removes it; the encoder and other outputs go on.
    /// False when there is no such output, or it is a VP8/VP9 file the running encoder writes itself.
    /// </summary>
    public async Task<bool> RemoveOutputAsync(string id)
    {
        if (Renditions.FirstOrDefault(r => r.Encoder.TargetOf(id) is not null) is { } rendition)
            return await RemoveRenditionOutputAsync(rendition, id).ConfigureAwait(false);
        OutputSupervisor? supervisor;
        lock (_outputsLock)
        {
            supervisor = _supervisors.FirstOrDefault(s => s.Id == id);
            if (supervisor is null) return false;
            if (IsDirect && _format is not null && !_stopping && supervisor.State != OutputState.Failed)
            {
                _logger.LogWarning("Output {OutputId} {Target} cannot be removed while the encoder writes it (VideoCodec {Codec})",
                    id, supervisor.Target.Display, EncoderSettings.Name(_settings.VideoCodec));
                return false;
            }
            _supervisors = _supervisors.Where(s => s != supervisor).ToArray();
        }
        await supervisor.StopAsync().ConfigureAwait(false);
        return true;
    }

    private void StartOutputsAddedEarlier()
    {
        if (IsDirect) return; // their state follows the encoder process
        foreach (var supervisor in Supervisors.Where(s => s.State != OutputState.Failed)) supervisor.Start();
    }
}
