namespace StreamEngine.Core.Audio;

public sealed partial class AudioMixer
{
    private const float DuckAttackPerFrame = 0.5f;  // about 40 ms to dip at 1024-sample frames
    private const float DuckReleasePerFrame = 0.07f; // about 300 ms to come back

    /// <summary>Under the lock: adds every channel at its gain into one frame, ducks, normalises, converts.</summary>
    private void Mix(Span<short> destination)
    {
        Array.Clear(_mix);
        if (_music is not null) Array.Clear(_music);
        var frame = Format.SamplesPerFrame;
        var voice = _channels.Any(c => c.Config.VoiceOf is not null && !c.Muted && c.Clips.Any(k => Overlaps(k.Start, k.Samples.Length)));
        var duckTarget = voice ? (float)Math.Pow(10, Options.DuckDb / 20) : 1f;
        var duckFrom = _duck;
        _duck += (duckTarget - _duck) * (duckTarget < _duck ? DuckAttackPerFrame : DuckReleasePerFrame);
        foreach (var channel in _channels)
        {
            var gain = channel.Muted ? 0f : (float)Math.Pow(10, channel.GainDb / 20);
            var from = float.IsNaN(channel.AppliedGain) ? gain : channel.AppliedGain;
            channel.AppliedGain = gain;
            var (duckStart, duckEnd) = channel.Config.Duck ? (duckFrom, _duck) : (1f, 1f);
            if (channel.IsCue) AddClips(channel);
            else
            {
                try { channel.Config.Source.Read(_read); }
                catch (Exception e) when (e is not OutOfMemoryException) { Array.Clear(_read); } // a failing source is silent; the show goes on
                AddScaled(_read, 0, _read.Length);
            }
            // Gains glide across the frame so a change or a duck never clicks. The clean music track takes the music
            // beds at their gain, never ducked.
            var music = _music is not null && channel.Config.Duck;
            for (var i = 0; i < frame; i++)
            {
                var t = (float)i / frame;
                var level = from + (gain - from) * t;
                var g = level * (duckStart + (duckEnd - duckStart) * t);
                for (var c = 0; c < Format.Channels; c++)
                {
                    var k = i * Format.Channels + c;
                    if (music) _music![k] += _channelMix[k] * level;
                    _channelMix[k] *= g;
                }
            }
            channel.Level.Add(_channelMix);
            for (var i = 0; i < _mix.Length; i++) _mix[i] += _channelMix[i];
            Array.Clear(_channelMix);
        }
        if (_loudness is not null) _loudness.Process(_mix, voice);
        _level.Add(_mix);
        if (_music is null)
        {
            for (var i = 0; i < _mix.Length; i++) destination[i] = Sample(_mix[i]);
            return;
        }
        // Two tracks, interleaved per sample: the program's channels, then the clean music's.
        var channels = Format.Channels;
        for (var i = 0; i < frame; i++)
        for (var c = 0; c < channels; c++)
        {
            destination[(i * 2 * channels) + c] = Sample(_mix[i * channels + c]);
            destination[(i * 2 * channels) + channels + c] = Sample(_music[i * channels + c]);
        }
    }

    private static short Sample(float value) => (short)Math.Clamp(value * 32767f, -32768f, 32767f);

    private bool Overlaps(long start, int length) =>
        start < _position + Format.SamplesPerFrame && start + length / Format.Channels > _position;

    /// <summary>The part of each scheduled sound that falls in this frame; finished sounds are dropped.</summary>
    private void AddClips(MixerChannel channel)
    {
        var frame = Format.SamplesPerFrame;
        foreach (var (start, samples) in channel.Clips)
        {
            var from = Math.Max(start, _position);
            var to = Math.Min(start + samples.Length / Format.Channels, _position + frame);
            if (to <= from) continue;
            var span = samples.Span;
            for (var s = from; s < to; s++)
            for (var c = 0; c < Format.Channels; c++)
                _channelMix[(s - _position) * Format.Channels + c] += span[(int)(s - start) * Format.Channels + c] / 32768f;
        }
        channel.Clips.RemoveAll(k => k.Start + k.Samples.Length / Format.Channels <= _position + frame);
    }

    private void AddScaled(short[] samples, int offset, int count)
    {
        for (var i = 0; i < count; i++) _channelMix[offset + i] += samples[i] / 32768f;
    }
}
