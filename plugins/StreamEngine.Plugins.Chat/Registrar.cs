using StreamEngine.Plugins.Chat.Stages;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.Chat;

/// <summary>The chat pipeline's stages, in their default order, and the <c>chat</c> behaviour that serves their state.</summary>
public sealed class Registrar : IPluginRegistrar
{
    public void Register(IPluginRegistry registry)
    {
        registry.AddChatStage(new AnalysisStage());
    }
}
