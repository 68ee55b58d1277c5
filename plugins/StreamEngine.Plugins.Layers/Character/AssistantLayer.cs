using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// <c>assistant</c>: a second character beside the host. Same props as <see cref="HostLayer"/>; by default it stands on
/// the right and speaks in a teal bubble, so a show can have both without styling either.
/// </summary>
public sealed class AssistantLayer : ILayerType
{
    public string Name => "assistant";

    public string? PropsSchema => PropsSchemas.Character;

    public ILayerRenderer CreateRenderer(LayerContext context) => new CharacterRenderer(context, CharacterLook.Assistant);
}
