using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Simulated;

/// <summary>
/// Chat source type <c>simulated</c>: a pretend audience for demos, rehearsals and load tests. It speaks in show time,
/// so an offline render with the same settings gets the same messages at the same frames (see docs/chat.md).
/// </summary>
public sealed class SimulatedAudienceType : IChatSourceType
{
    public string Name => "simulated";

    public IChatSource Create(ChatSourceContext context) => new SimulatedAudience(context, AudienceSettings.Read(context.Settings));
}
