namespace StreamEngine.Sdk.Audio;

/// <summary>
/// An audio source that makes sounds on request rather than playing on its own: a voice speaking a line of text, a
/// bank of effects (<c>gavel</c>, <c>bid-chime</c>). The engine's mixer places each rendered sound at the show time it
/// was asked for, so a sound and the picture it belongs to start in the same frame. Its <see cref="IAudioSource.Read"/>
/// is not called while it is mixed.
/// </summary>
public interface IAudioCueSource : IAudioSource
{
    /// <summary>
    /// The sound for <paramref name="cue"/> (a line of text for a voice, a sound's name for an effects bank) as
    /// interleaved 16-bit PCM in <see cref="IAudioSource.Format"/>. Called off the frame thread; a sound rendered
    /// ahead should come back as a completed task. Throws <see cref="KeyNotFoundException"/> naming a cue it does not have.
    /// </summary>
    /// <param name="cue">What to play or say.</param>
    /// <param name="cancellationToken">Cancels the rendering (the show stops).</param>
    Task<ReadOnlyMemory<short>> RenderAsync(string cue, CancellationToken cancellationToken);
}
