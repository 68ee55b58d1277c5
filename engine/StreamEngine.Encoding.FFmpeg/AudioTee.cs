using StreamEngine.Sdk.Audio;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// One audio source read by several encodes (the show's own and each rendition's): every reader gets the same frames in
/// the same order, whoever asks first reads the source. The last few seconds are kept so a reader a little behind
/// catches up; one further behind skips ahead (it would be out of step with its video anyway).
/// </summary>
internal sealed class AudioTee(IAudioSource source)
{
    /// <summary>About 5 s of 1024-sample frames at 48 kHz.</summary>
    private const int Capacity = 240;

    private readonly Lock _ring = new();
    private readonly Lock _source = new(); // held while the source may wait (the mixer waits for the frame clock), never with _ring
    private readonly short[][] _frames = new short[Capacity][];
    private readonly TimeSpan[] _times = new TimeSpan[Capacity];
    private long _next;

    public AudioFormat Format => source.Format;

    /// <summary>
    /// A reader starting <paramref name="framesBack"/> frames before the newest frame read: an encode that starts late
    /// starts about where its video is, since the running encodes read up to <see cref="AudioPacing.Lead"/> ahead of theirs.
    /// </summary>
    public IAudioSource Reader(int framesBack)
    {
        lock (_ring) return new TeeReader(this, Math.Max(Math.Max(0, _next - Capacity + 1), _next - framesBack));
    }

    private TimeSpan Read(ref long cursor, Span<short> destination)
    {
        while (true)
        {
            lock (_ring)
            {
                cursor = Math.Max(cursor, _next - Capacity + 1);
                if (cursor < _next)
                {
                    var slot = (int)(cursor++ % Capacity);
                    _frames[slot].CopyTo(destination);
                    return _times[slot];
                }
            }
            lock (_source)
            {
                long wanted;
                lock (_ring) wanted = _next;
                if (cursor < wanted) continue; // another reader read it meanwhile
                var frame = new short[destination.Length];
                var time = source.Read(frame);
                lock (_ring)
                {
                    var slot = (int)(_next % Capacity);
                    (_frames[slot], _times[slot]) = (frame, time);
                    _next++;
                }
            }
        }
    }

    private sealed class TeeReader(AudioTee tee, long start) : IAudioSource
    {
        private long _cursor = start;

        public AudioFormat Format => tee.Format;

        public TimeSpan Read(Span<short> destination) => tee.Read(ref _cursor, destination);
    }
}
