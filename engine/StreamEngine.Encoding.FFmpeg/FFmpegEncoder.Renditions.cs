using System.Buffers;
using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Outputs with a rendition of their own (another size, bitrate, codec or frame rate): each rendition is one more
/// encode — an <see cref="FFmpegEncoder"/> of its own with its own process, restarts and outputs — fed by this one's
/// writer thread with the frame this encode already converted, and the show's audio through the <see cref="AudioTee"/>.
/// Outputs asking for the same rendition share its encode; the last one removed stops it. Nothing here touches the
/// show's own encode or the other renditions.
/// </summary>
public sealed partial class FFmpegEncoder
{
    private Rendition[] _renditions = [];

    private sealed record Rendition(OutputRendition Spec, FFmpegEncoder Encoder, int FpsDivisor);

    private Rendition[] Renditions => Volatile.Read(ref _renditions);

    /// <inheritdoc />
    /// <exception cref="FormatException">The target or the rendition is invalid; the message names the field.</exception>
    public string AddRenditionOutput(string target, OutputRendition? rendition, bool overwrite)
    {
        if (rendition is null || IsProgram(rendition)) return AddOutput(target, overwrite);
        if (_isRendition) throw new InvalidOperationException("A rendition's encode takes no renditions of its own.");
        if (_stopping) throw new InvalidOperationException("The encoder is stopped; it takes no more outputs.");
        var settings = SettingsFor(rendition);
        if (rendition.Adaptive && OutputTarget.Parse(target).Kind == OutputKind.File)
            throw new FormatException("rendition.adaptive is true for a file, and a recording never adapts; expected an rtmp://, rtmps:// or srt:// target");
        Rendition? added = null;
        lock (_outputsLock)
        {
            // An adaptive rendition follows its one output's link, so it is never shared.
            var existing = rendition.Adaptive ? null : _renditions.FirstOrDefault(r => r.Spec == rendition);
            if (existing is not null) return existing.Encoder.AddOutput(target, overwrite);
            added = new Rendition(rendition, new FFmpegEncoder(settings, _loggerFactory, _time, _audioTee, _nextOutputId), rendition.FpsDivisor);
            if (rendition.Adaptive) added.Encoder.AdaptTo(rendition);
            added.Encoder.OutputStateChanged += RaiseStateChanged;
            _renditions = [.. _renditions, added];
        }
        string id;
        try { id = added.Encoder.AddOutput(target, overwrite); }
        catch
        {
            lock (_outputsLock) _renditions = _renditions.Where(r => r != added).ToArray();
            throw;
        }
        if (_format is not null) _ = StartRenditionAsync(added, _format);
        return id;
    }

    /// <summary>A rendition asking for exactly what this encode makes needs no encode of its own.</summary>
    private bool IsProgram(OutputRendition r) => _format is { } f && !r.Adaptive && r.Width == f.Width && r.Height == f.Height && r.FpsDivisor == 1
        && (r.VideoBitrateKbps is null || r.VideoBitrateKbps == _settings.VideoBitrateFor(f.Height))
        && (r.VideoCodec is null || r.VideoCodec.Equals(EncoderSettings.Name(_settings.VideoCodec), StringComparison.OrdinalIgnoreCase));

    private EncoderSettings SettingsFor(OutputRendition rendition)
    {
        var problems = new List<string>();
        if (rendition.Width is < 16 or > 7680 || rendition.Width % 2 != 0) problems.Add($"rendition.width is {rendition.Width}; expected an even number from 16 to 7680");
        if (rendition.Height is < 16 or > 4320 || rendition.Height % 2 != 0) problems.Add($"rendition.height is {rendition.Height}; expected an even number from 16 to 4320");
        if (rendition.VideoBitrateKbps is < 100 or > 100_000) problems.Add($"rendition.videoBitrateKbps is {rendition.VideoBitrateKbps}; expected 100 to 100000");
        if (rendition.MinVideoBitrateKbps is { } min && (!rendition.Adaptive || min < 100 || min > (rendition.VideoBitrateKbps ?? 100_000)))
            problems.Add($"rendition.minVideoBitrateKbps is {min}; expected 100 up to the rendition's videoBitrateKbps, on an adaptive rendition");
        if (rendition.FpsDivisor is < 1 or > 8) problems.Add($"rendition.fpsDivisor is {rendition.FpsDivisor}; expected 1 to 8");
        else if (_format is { } f && f.Fps % rendition.FpsDivisor != 0) problems.Add($"rendition.fpsDivisor is {rendition.FpsDivisor}; expected a divisor of the show's {f.Fps} fps");
        var codec = _settings.VideoCodec;
        if (rendition.VideoCodec is { } name && !Enum.TryParse(name, ignoreCase: true, out codec) || !Enum.IsDefined(codec))
            problems.Add($"rendition.videoCodec is '{rendition.VideoCodec}'; expected h264, vp8 or vp9");
        if (problems.Count > 0) throw new FormatException(string.Join("; ", problems));
        return _settings with
        {
            ScaleTo = (rendition.Width, rendition.Height), VideoBitrateKbps = rendition.VideoBitrateKbps, VideoCodec = codec,
            FramesPreConverted = true,
        };
    }

    private async Task StartRenditionAsync(Rendition rendition, VideoFormat format)
    {
        try
        {
            await rendition.Encoder.StartAsync(format with { Fps = format.Fps / rendition.FpsDivisor }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OperationCanceledException)
        {
            _logger.LogError("Rendition {Rendition} could not start: {Error}", rendition.Spec, e.Message);
            foreach (var supervisor in rendition.Encoder.Supervisors) supervisor.Fail(e.Message);
        }
    }

    /// <summary>
    /// At start the show's format is known: outputs added earlier whose rendition turns out to be the show's own join
    /// this encode (no second encode for <c>--output youtube</c> on a 1080p show); the others start their encodes.
    /// </summary>
    private void StartRenditionsAddedEarlier(VideoFormat format)
    {
        lock (_outputsLock)
        {
            foreach (var same in _renditions.Where(r => IsProgram(r.Spec)))
                _supervisors = [.. _supervisors, .. same.Encoder.Supervisors];
            _renditions = _renditions.Where(r => !IsProgram(r.Spec)).ToArray();
        }
        foreach (var rendition in Renditions) _ = StartRenditionAsync(rendition, format);
    }

    private async Task<bool> RemoveRenditionOutputAsync(Rendition rendition, string id)
    {
        var removed = await rendition.Encoder.RemoveOutputAsync(id).ConfigureAwait(false);
        bool last;
        lock (_outputsLock)
        {
            last = rendition.Encoder.Supervisors.Length == 0 && _renditions.Contains(rendition);
            if (last) _renditions = _renditions.Where(r => r != rendition).ToArray();
        }
        if (last) await rendition.Encoder.DisposeAsync().ConfigureAwait(false); // its last output is gone: so is its encode
        return removed;
    }

    /// <summary>
    /// Called on the writer thread with the bytes just handed to this encode's process: each rendition gets its own
    /// copy (a frame of its fps divisor), or drops it when it is behind. Never blocks.
    /// </summary>
    private void OfferToRenditions(ReadOnlySpan<byte> written, FrameTime time)
    {
        foreach (var rendition in Renditions)
        {
            if (time.Index % rendition.FpsDivisor != 0) continue;
            var buffer = ArrayPool<byte>.Shared.Rent(written.Length);
            written.CopyTo(buffer);
            var frame = new VideoFrame(buffer, _format! with { Fps = _format!.Fps / rendition.FpsDivisor }, f => ArrayPool<byte>.Shared.Return(f.Buffer))
            {
                Time = new FrameTime(time.Index / rendition.FpsDivisor, time.Fps / rendition.FpsDivisor),
            };
            if (!rendition.Encoder.TryWrite(frame)) frame.Release();
        }
    }

    /// <summary>Frames of audio the running encodes read ahead of their video; a rendition starting now starts this far back.</summary>
    private static int AudioLeadFrames(AudioFormat format) =>
        (int)Math.Round(AudioPacing.Lead.TotalSeconds * format.SampleRate / format.SamplesPerFrame);
}
