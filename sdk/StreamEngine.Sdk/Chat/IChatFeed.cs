namespace StreamEngine.Sdk.Chat;

/// <summary>
/// The show's chat as it arrives. Messages enter at frame boundaries, so an offline render of the same messages gives
/// the same frames. The feed keeps only the most recent messages; a renderer reads what it shows each frame.
/// </summary>
public interface IChatFeed
{
    /// <summary>Sequence of the newest message, 0 before any.</summary>
    long LastSequence { get; }

    /// <summary>Changes whenever what <see cref="CopyLatest"/> returns changes: a message entered or was removed.</summary>
    long Version => LastSequence;

    /// <summary>Copies up to <paramref name="destination"/>.Length of the newest messages, oldest first; returns how many.</summary>
    int CopyLatest(Span<ChatMessage> destination);
}
