using Microsoft.Extensions.Logging;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Sdk.Encoding;

/// <summary>
/// An encoder the show can choose with <c>ENCODER=id</c> (<c>ffmpeg</c> is the default, registered through this same
/// contract). The host creates one encoder per show, adds the outputs, starts it with the frame format, then writes
/// every rendered frame to it.
/// </summary>
public interface IEncoderType
{
    /// <summary>The id <c>ENCODER</c> names, for example <c>ffmpeg</c>.</summary>
    string Id { get; }

    /// <summary>
    /// A new encoder, not yet started. Throw <see cref="FormatException"/> naming the setting when a setting cannot work;
    /// the host reports it as the configuration's error and exits with code 2.
    /// </summary>
    /// <param name="context">The engine's encoding settings, the audio source, and loggers.</param>
    IEncoder Create(EncoderContext context);
}

/// <summary>What an encoder is given when it is created.</summary>
/// <param name="Settings">
/// The engine's encoding configuration by name, as the user wrote it: <c>VIDEO_CODEC</c>, <c>PRESET</c>,
/// <c>VIDEO_BITRATE_KBPS</c>, <c>KEYFRAME_INTERVAL_SECONDS</c>, <c>AUDIO_CODEC</c>, <c>HW_ACCEL</c>, and any
/// <c>ENCODER_*</c> setting for the chosen encoder.
/// </param>
/// <param name="Live">True for a live show (frames arrive at the frame rate and may be dropped), false for an offline render.</param>
/// <param name="Audio">Where the encoder takes its audio from (silence unless the show has a source).</param>
/// <param name="Loggers">Loggers; secrets must be masked before logging.</param>
public sealed record EncoderContext(IReadOnlyDictionary<string, string> Settings, bool Live, IAudioSource Audio, ILoggerFactory Loggers);
