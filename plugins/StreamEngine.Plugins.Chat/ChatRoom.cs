using StreamEngine.Plugins.Chat.Moderation;

namespace StreamEngine.Plugins.Chat;

/// <summary>
/// What the chat stages share with the <c>chat</c> behaviour within one loaded version of the plugin: the settings,
/// the bans, the reaction counts. Stages and the behaviour both run on the frame thread, so no locking is needed.
/// </summary>
public sealed class ChatRoom(TimeProvider clock)
{
    public ModerationSettings Settings { get; set; } = ModerationSettings.Default;

    public Bans Bans { get; } = new(clock);

    public Reactions Reactions { get; } = new();
}
