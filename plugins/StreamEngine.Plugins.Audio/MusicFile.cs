using System.Text.Json.Nodes;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Plugins.Audio;

/// <summary>
/// <c>file</c>: a music bed — one file or a playlist played in order, looping by default. Settings:
/// <c>{"files": ["bed.ogg", "second.mp3"], "loop": true}</c> (the engine resolves the paths inside the show's folder).
/// Decoded once when the show starts, so reading is a copy and an offline render is exact.
/// </summary>
public sealed class MusicFile : IAudioSource
{
    private readonly short[] _samples;
    private readonly bool _loop;
    private long _frames;
    private int _at;

    private MusicFile(AudioFormat format, short[] samples, bool loop) => (Format, _samples, _loop) = (format, samples, loop);

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public TimeSpan Read(Span<short> destination)
    {
        var written = 0;
        while (written < destination.Length && _samples.Length > 0)
        {
            if (_at >= _samples.Length)
            {
                if (!_loop) break;
                _at = 0;
            }
            var n = Math.Min(destination.Length - written, _samples.Length - _at);
            _samples.AsSpan(_at, n).CopyTo(destination[written..]);
            (written, _at) = (written + n, _at + n);
        }
        destination[written..].Clear();
        return TimeSpan.FromSeconds((double)_frames++ * Format.SamplesPerFrame / Format.SampleRate);
    }

    /// <summary>Makes <see cref="MusicFile"/>s.</summary>
    public sealed class Type : IAudioSourceType
    {
        /// <inheritdoc />
        public string Name => "file";

        /// <inheritdoc />
        public IAudioSource Create(AudioFormat format, JsonObject settings)
        {
            var files = settings["files"] as JsonArray ?? throw new FormatException("files: expected a list of audio files");
            if (files.Count is 0 or > 100) throw new FormatException("files: expected 1 to 100 audio files");
            var loop = settings["loop"] is not JsonValue l || !l.TryGetValue<bool>(out var b) || b;
            var all = new List<short>();
            foreach (var file in files)
            {
                var path = file is JsonValue v && v.TryGetValue<string>(out var p) ? p : throw new FormatException("files: expected file names");
                if (!File.Exists(path)) throw new FormatException($"files: '{Path.GetFileName(path)}' does not exist");
                all.AddRange(PcmDecoder.Decode(path, format));
                if (all.Count > PcmDecoder.Longest.TotalSeconds * format.SampleRate * format.Channels)
                    throw new FormatException($"files: the playlist is longer than {PcmDecoder.Longest.TotalMinutes} minutes");
            }
            return new MusicFile(format, [.. all], loop);
        }
    }
}
