using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Carries the show's PCM from an <see cref="IAudioSource"/> to one encoder process, through a loopback TCP
/// connection ffmpeg opens as its second input (stdin carries the video). Audio is paced by the video frames handed
/// to the encoder, never by the wall clock: after frame <c>n</c> (counted from the first frame the encoder saw) the
/// encoder has been given exactly the samples up to <c>(n + 1) / fps</c>, rounded down to whole audio frames, so
/// audio and video timestamps both come from the frame clock and an offline render is the same every time. A
/// loopback socket (rather than an inherited pipe) fails the writer cleanly when ffmpeg dies and is never inherited
/// by the other ffmpeg children the engine starts.
/// </summary>
internal sealed class AudioFeed : IDisposable
{
    private readonly IAudioSource _source;
    private readonly AudioPacing _pacing;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly short[] _samples;
    private Socket? _socket;

    /// <summary>The most the sound's start is moved to meet the video's.</summary>
    private const double MaxAlignSeconds = 10;

    public AudioFeed(IAudioSource source, AudioPacing pacing)
    {
        _source = source;
        _pacing = pacing;
        _samples = new short[source.Format.SamplesPerFrame * source.Format.Channels * source.Format.Tracks];
        _listener.Start(1);
    }

    /// <summary>
    /// ffmpeg's input options for this feed: raw s16le PCM at the source's rate and channels (every track's, side by
    /// side: <see cref="FFmpegArguments.AudioTrackArguments"/> parts them), from the loopback port.
    /// No probing: the layout is given, and a probe would wait for seconds of audio that only follow the video.
    /// </summary>
    public IReadOnlyList<string> InputArguments =>
    [
        "-thread_queue_size", "64", "-probesize", "32", "-analyzeduration", "0", "-f", "s16le", "-ar", FFmpegArguments.Number(_source.Format.SampleRate),
        "-ac", FFmpegArguments.Number(_source.Format.Channels * _source.Format.Tracks), "-i", $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}",
    ];

    /// <summary>Starts writing on its own thread; ends when the video input ends, ffmpeg goes away or <paramref name="stop"/> fires.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.Factory.StartNew(() => Run(stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stop)
    {
        using var unblock = stop.Register(Dispose);
        try
        {
            _socket = _listener.AcceptSocket();
            _listener.Stop();
            var bytes = MemoryMarshal.AsBytes(_samples.AsSpan());
            var perFrame = _source.Format.SamplesPerFrame;
            // A restarted process's feed goes on where the last one stopped; the first one starts where the video does.
            var aligned = _pacing.Written > 0;
            while (_pacing.WaitForRoom(perFrame, stop))
            {
                var at = _source.Read(_samples);
                if (!aligned)
                {
                    aligned = true;
                    if (!StartWithVideo(at, bytes)) continue;
                }
                _socket.Send(bytes);
                _pacing.Wrote(perFrame);
            }
            _socket.Shutdown(SocketShutdown.Send); // the video ended: ffmpeg sees the audio end too
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException) { }
    }

    /// <summary>
    /// Lines the sound's first sample up with the first video frame's show time (frames the engine made before the
    /// encoder took one, while it started, have no picture; a rendition's reader starts a little early): the samples
    /// before it are left out, or silence fills up to the source's first frame. False when this frame was used up.
    /// </summary>
    private bool StartWithVideo(TimeSpan at, Span<byte> frame)
    {
        var rate = _source.Format.SampleRate;
        var bytesPerSample = frame.Length / _source.Format.SamplesPerFrame;
        // Bounded: a source whose clock is off by more than a few seconds is taken as it comes.
        var offset = (long)Math.Round(((_pacing.FirstFrameSeconds ?? at.TotalSeconds) - at.TotalSeconds) * rate);
        if (offset == 0 || Math.Abs(offset) > MaxAlignSeconds * rate) return true;
        if (offset < 0)
        {
            var silence = new byte[-offset * bytesPerSample];
            _socket!.Send(silence);
            _pacing.Wrote((int)-offset);
            return true;
        }
        var skip = (int)Math.Min(offset, _source.Format.SamplesPerFrame);
        var rest = frame[(skip * bytesPerSample)..];
        if (rest.Length > 0) _socket!.Send(rest);
        _pacing.Wrote(rest.Length / bytesPerSample);
        for (var left = offset - skip; left > 0; left -= _source.Format.SamplesPerFrame) // whole frames before the video: read, left out
        {
            var time = _source.Read(_samples);
            if (left < _source.Format.SamplesPerFrame) return StartWithVideo(time, MemoryMarshal.AsBytes(_samples.AsSpan()));
        }
        return false;
    }

    public void Dispose()
    {
        _listener.Stop();
        _socket?.Dispose();
    }
}
