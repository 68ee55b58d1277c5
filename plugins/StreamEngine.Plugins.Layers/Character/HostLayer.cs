using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// <c>host</c>: an on-screen character (the show's host) drawn from images per state, with a speech bubble or a lower
/// third. Props are described on <see cref="CharacterProps"/>; the host stands on the left and speaks in a white bubble.
/// </summary>
public sealed class HostLayer : ILayerType
{
    public string Name => "host";

    public string? PropsSchema => PropsSchemas.Character;

    public ILayerRenderer CreateRenderer(LayerContext context) => new CharacterRenderer(context, CharacterLook.Host);
}
