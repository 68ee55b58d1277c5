using StreamEngine.Plugins.Chat.Stages;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.Chat;

/// <summary>
/// The chat pipeline's stages — <c>chat.moderation</c>, <c>chat.interaction</c>, <c>chat.analysis</c>,
/// <c>chat.priority</c>, the order the engine uses when a scene names none — and the <c>chat</c> behaviour that serves
/// their bans, settings and reaction counts. Each loaded version has its own room; the behaviour's saved state refills it.
/// </summary>
public sealed class Registrar : IPluginRegistrar
{
    public void Register(IPluginRegistry registry)
    {
        var room = new ChatRoom(TimeProvider.System);
        registry.AddChatStage(new ModerationStage(room));
        registry.AddChatStage(new InteractionStage(room));
        registry.AddChatStage(new AnalysisStage());
        registry.AddChatStage(new PriorityStage(room));
        registry.AddBehaviour(new ChatBehaviour(room));
    }
}
