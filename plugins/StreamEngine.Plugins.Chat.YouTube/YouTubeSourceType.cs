using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.YouTube;

/// <summary>Chat source type <c>youtube</c>: a YouTube live chat, polled (see <see cref="YouTubeChatSource"/> and docs/chat.md).</summary>
public sealed class YouTubeSourceType : IChatSourceType
{
    public string Name => "youtube";

    public IChatSource Create(ChatSourceContext context) => new YouTubeChatSource(context, YouTubeSettings.Read(context.Settings));
}
