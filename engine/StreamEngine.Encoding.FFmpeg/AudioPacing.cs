namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// How far the audio may go: the samples that belong to the video frames handed to the encoder so far, counted from
/// the first frame's index (frames the engine dropped still advance it, so audio keeps to the frame clock). Shared by
/// the video writer and the audio feed threads, and across encoder restarts.
/// </summary>
internal sealed class AudioPacing(int sampleRate, int fps)
{
    /// <summary>
    /// How far the audio may run ahead of the video handed over. ffmpeg takes its next packet from the stream that is
    /// behind, and the AAC encoder holds back two frames of samples: with no lead ffmpeg would wait for audio that
    /// waits for video. A source that schedules sounds by show time (the engine's mixer) keeps its own, tighter limit.
    /// </summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(0.2);

    private readonly object _lock = new(); // Monitor.Wait needs a monitor, not a System.Threading.Lock
    private long _firstFrame = -1;
    private long _lastFrame = -1;
    private long _target;
    private long _written;
    private long _lead;
    private bool _ended;

    /// <summary>The show time of the first video frame handed over (null before it): where the audio must start too.</summary>
    public double? FirstFrameSeconds { get { lock (_lock) return _firstFrame < 0 ? null : (double)_firstFrame / fps; } }

    /// <summary>Samples written so far.</summary>
    public long Written { get { lock (_lock) return _written; } }

    /// <summary>Frame <paramref name="index"/> is being handed to the encoder: its audio may follow.</summary>
    public void Video(long index)
    {
        lock (_lock)
        {
            if (_firstFrame < 0) _firstFrame = index;
            // A frame without a later index than the last (a sink that does not stamp times) still counts as the next one.
            _lastFrame = Math.Max(index, _lastFrame + 1);
            _target = (_lastFrame - _firstFrame + 1) * sampleRate / fps;
            _lead = (long)(Lead.TotalSeconds * sampleRate);
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The video ended: the audio is finished up to (at least) the end of the last frame, then ends.</summary>
    public void EndOfVideo()
    {
        lock (_lock)
        {
            _ended = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>
    /// Waits until <paramref name="samples"/> more fit under the video written so far; false once the video ended and
    /// the audio covers it (the last audio frame may run past the last video frame, so <c>-shortest</c> cuts at the video's end).
    /// Once the video ended, the audio already written past it is all there is.
    /// </summary>
    public bool WaitForRoom(int samples, CancellationToken stop)
    {
        using var wake = stop.Register(() => { lock (_lock) Monitor.PulseAll(_lock); });
        lock (_lock)
        {
            while (true)
            {
                stop.ThrowIfCancellationRequested();
                if (!_ended && _written + samples <= _target + _lead) return true;
                if (_ended) return _written < _target;
                Monitor.Wait(_lock);
            }
        }
    }

    /// <summary>The feed wrote <paramref name="samples"/>.</summary>
    public void Wrote(int samples)
    {
        lock (_lock) _written += samples;
    }
}
