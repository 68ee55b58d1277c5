using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Irc;

/// <summary>
/// Chat source type <c>twitch</c>: a Twitch channel's chat over IRC. Settings: <c>channel</c>; <c>token</c> (or
/// <c>tokenEnv</c>, the environment variable holding it) and <c>nick</c> to send, else the anonymous read-only login;
/// <c>url</c> to use another server (tests). Sending is held to 20 messages in 30 s.
/// </summary>
public sealed class TwitchSourceType : IChatSourceType
{
    public string Name => "twitch";

    public IChatSource Create(ChatSourceContext context) =>
        new IrcChatSource(context, IrcEndpoint.Read(context.Settings, twitch: true), new SendWindow(20, TimeSpan.FromSeconds(30), TimeProvider.System));
}

/// <summary>
/// Chat source type <c>irc</c>: a channel on any IRC network. Settings: <c>url</c> (<c>irc://host:6667/#channel</c>,
/// <c>ircs://</c> for TLS), <c>nick</c>, <c>password</c> (or <c>passwordEnv</c>). Sending is held to 5 messages in 10 s.
/// </summary>
public sealed class IrcSourceType : IChatSourceType
{
    public string Name => "irc";

    public IChatSource Create(ChatSourceContext context) =>
        new IrcChatSource(context, IrcEndpoint.Read(context.Settings, twitch: false), new SendWindow(5, TimeSpan.FromSeconds(10), TimeProvider.System));
}
