using System.Text.Json.Nodes;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Plugins.Audio;

/// <summary>
/// <c>effects</c>: a bank of short sounds played on cue (<c>audio.play("gavel")</c>). It comes with <c>bid-chime</c>,
/// <c>gavel</c> and <c>tick</c> (made with sox, see sounds/LICENSE.md; embedded in the assembly); <c>{"sounds": {"horn": "horn.wav"}}</c>
/// adds or replaces sounds from the show's folder. All are decoded when the show starts, so playing one is instant.
/// </summary>
public sealed class EffectSounds : IAudioCueSource
{
    private readonly IReadOnlyDictionary<string, ReadOnlyMemory<short>> _sounds;

    private EffectSounds(AudioFormat format, IReadOnlyDictionary<string, ReadOnlyMemory<short>> sounds) => (Format, _sounds) = (format, sounds);

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <summary>The names of the sounds it has.</summary>
    public IEnumerable<string> Names => _sounds.Keys;

    /// <inheritdoc />
    public TimeSpan Read(Span<short> destination)
    {
        destination.Clear();
        return TimeSpan.Zero;
    }

    /// <inheritdoc />
    public Task<ReadOnlyMemory<short>> RenderAsync(string cue, CancellationToken cancellationToken) =>
        _sounds.TryGetValue(cue, out var sound) ? Task.FromResult(sound)
        : Task.FromException<ReadOnlyMemory<short>>(new KeyNotFoundException($"no sound '{cue}'; expected one of {string.Join(", ", _sounds.Keys.Order())}"));

    /// <summary>Makes <see cref="EffectSounds"/> banks.</summary>
    public sealed class Type : IAudioSourceType
    {
        /// <inheritdoc />
        public string Name => "effects";

        /// <inheritdoc />
        public IAudioSource Create(AudioFormat format, JsonObject settings)
        {
            var assembly = typeof(EffectSounds).Assembly;
            var sounds = new Dictionary<string, ReadOnlyMemory<short>>(StringComparer.Ordinal);
            foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("sounds/", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                sounds[Path.GetFileNameWithoutExtension(resource)] = PcmDecoder.Decode(resource, format, bytes.ToArray());
            }
            foreach (var (name, node) in settings["sounds"] as JsonObject ?? [])
                sounds[name] = node is JsonValue v && v.TryGetValue<string>(out var p) && File.Exists(p) ? PcmDecoder.Decode(p, format)
                    : throw new FormatException($"sounds.{name}: expected an audio file in the show's folder");
            return new EffectSounds(format, sounds);
        }
    }
}
