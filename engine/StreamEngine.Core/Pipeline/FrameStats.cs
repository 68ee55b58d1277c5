namespace StreamEngine.Core.Pipeline;

/// <summary>Counters and timing samples of the frame pipeline, read by the benchmark, metrics and the API.</summary>
/// <param name="time">The clock that stamps frames as they reach the encoder (a test passes a fake one).</param>
public sealed class FrameStats(TimeProvider? time = null)
{
    private const int Window = 60 * 60 * 10; // ten minutes at 60 fps
    private readonly SampleRing _renderMs = new(Window);
    private readonly SampleRing _jitterMs = new(Window);
    private readonly SampleRing _scriptMs = new(Window);
    private long _rendered;
    private long _droppedEncoderFull;
    private long _droppedLate;
    private long _droppedFailed;
    private readonly DeliveryGaps _gaps = new(time ?? TimeProvider.System);

    public long Frames => Interlocked.Read(ref _rendered);

    /// <summary>Frames rendered but not taken by the encoder because it was behind.</summary>
    public long DroppedEncoderFull => Interlocked.Read(ref _droppedEncoderFull);

    /// <summary>Frame slots skipped because the frame thread itself was late.</summary>
    public long DroppedLate => Interlocked.Read(ref _droppedLate);

    /// <summary>Frames not delivered because composing them threw (a bug or a hostile input; logged, the clock goes on).</summary>
    public long DroppedFailed => Interlocked.Read(ref _droppedFailed);

    public long Dropped => DroppedEncoderFull + DroppedLate + DroppedFailed;

    /// <summary>Stamped by the frame thread; read by the health endpoints.</summary>
    public FrameHeartbeat Heartbeat { get; init; } = new();

    /// <summary>
    /// Frames that reached the encoder more than 1.5 frame periods after the one before: what a viewer sees as a stutter,
    /// counted from outside the clock, so a stall shorter than the clock's own drop threshold shows too.
    /// </summary>
    public long EncoderGaps => _gaps.Count;

    /// <summary>The longest time between two frames reaching the encoder, in milliseconds (0 before two frames).</summary>
    public double LongestEncoderGapMs => _gaps.LongestMs;

    /// <summary>Live tick: the frame was taken by the encoder now.</summary>
    internal void RecordDelivered(int fps) => _gaps.Delivered(fps);

    /// <summary>The clock starts (or starts again after a pause): the time since the last frame is no gap.</summary>
    public void RestartDeliveries() => _gaps.Restart();

    /// <summary>Raised on the frame thread with each frame's render time in milliseconds (for metrics histograms).</summary>
    public event Action<double>? Rendered;

    internal void RecordRendered(double renderMs)
    {
        Interlocked.Increment(ref _rendered);
        _renderMs.Add(renderMs);
        Rendered?.Invoke(renderMs);
    }

    internal void RecordDroppedFailed() => Interlocked.Increment(ref _droppedFailed);

    internal void RecordDroppedEncoderFull() => Interlocked.Increment(ref _droppedEncoderFull);

    internal void RecordDroppedLate(long frames) => Interlocked.Add(ref _droppedLate, frames);

    internal void RecordJitter(double ms) => _jitterMs.Add(ms);

    public double RenderMsPercentile(double p) => _renderMs.Percentile(p);

    public double JitterMsPercentile(double p) => _jitterMs.Percentile(p);

    /// <summary>Time the show's scripts took in one frame (frames with scripts only).</summary>
    public void RecordScriptTime(double ms) => _scriptMs.Add(ms);

    public double ScriptMsPercentile(double p) => _scriptMs.Percentile(p);

    public void ResetSamples()
    {
        _renderMs.Clear();
        _jitterMs.Clear();
        _scriptMs.Clear();
        _gaps.ResetLongest();
    }

    private sealed class SampleRing(int capacity)
    {
        private readonly double[] _samples = new double[capacity];
        private long _count;

        public void Add(double value)
        {
            lock (_samples) _samples[_count++ % _samples.Length] = value;
        }

        public void Clear()
        {
            lock (_samples) _count = 0;
        }

        public double Percentile(double p)
        {
            double[] copy;
            lock (_samples) copy = _samples[..(int)Math.Min(_count, _samples.Length)];
            if (copy.Length == 0) return 0;
            Array.Sort(copy);
            return copy[(int)Math.Clamp(Math.Ceiling(p / 100 * copy.Length) - 1, 0, copy.Length - 1)];
        }
    }
}
