using System.Diagnostics;
using System.Text.Json.Nodes;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Plugins.Audio;

/// <summary>
/// <c>tts</c>: a voice speaking the host's or the assistant's lines with Debian's espeak-ng. Settings:
/// <c>{"voice": "en-us+m3", "speed": 160, "pitch": 45}</c> (see <c>espeak-ng --voices</c>; the <c>+m3</c>/<c>+f3</c>
/// variants make two distinct characters). Lines are synthesised off the frame thread, in about 0.1 s each; the
/// text goes through stdin, never the command line. Another engine can implement the same contract.
/// </summary>
public sealed class EspeakVoice : IAudioCueSource
{
    private const int LongestLine = 500;
    private readonly string _voice;
    private readonly int _speed;
    private readonly int _pitch;

    private EspeakVoice(AudioFormat format, string voice, int speed, int pitch) => (Format, _voice, _speed, _pitch) = (format, voice, speed, pitch);

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public TimeSpan Read(Span<short> destination)
    {
        destination.Clear();
        return TimeSpan.Zero;
    }

    /// <inheritdoc />
    public async Task<ReadOnlyMemory<short>> RenderAsync(string cue, CancellationToken cancellationToken)
    {
        var text = cue.Length > LongestLine ? cue[..LongestLine] : cue;
        var info = new ProcessStartInfo("espeak-ng")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-v", _voice, "-s", Number(_speed), "-p", Number(_pitch), "--stdout" }) info.ArgumentList.Add(a);
        using var espeak = Process.Start(info) ?? throw new InvalidOperationException("espeak-ng did not start");
        await espeak.StandardInput.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        espeak.StandardInput.Close();
        using var wav = new MemoryStream();
        await espeak.StandardOutput.BaseStream.CopyToAsync(wav, cancellationToken).ConfigureAwait(false);
        await espeak.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (espeak.ExitCode != 0) throw new InvalidOperationException($"espeak-ng failed: {(await espeak.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim()}");
        return PcmDecoder.Decode("espeak-ng output", Format, wav.ToArray(), cancellationToken);
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Makes <see cref="EspeakVoice"/>s.</summary>
    public sealed class Type : IAudioSourceType
    {
        /// <inheritdoc />
        public string Name => "tts";

        /// <inheritdoc />
        public IAudioSource Create(AudioFormat format, JsonObject settings)
        {
            var voice = settings["voice"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "en-us+m3";
            if (!System.Text.RegularExpressions.Regex.IsMatch(voice, "^[A-Za-z0-9_+-]{1,40}$"))
                throw new FormatException($"voice: '{voice}' is not a voice name (letters, digits, '-', '+', e.g. en-us+f3)");
            return new EspeakVoice(format, voice, Int(settings, "speed", 160, 80, 400), Int(settings, "pitch", 50, 0, 99));
        }

        private static int Int(JsonObject settings, string name, int fallback, int min, int max)
        {
            if (settings[name] is null) return fallback;
            return settings[name] is JsonValue v && v.TryGetValue<int>(out var n) && n >= min && n <= max ? n
                : throw new FormatException($"{name}: expected a whole number from {min} to {max}");
        }
    }
}
