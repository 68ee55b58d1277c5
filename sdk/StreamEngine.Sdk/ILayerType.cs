namespace StreamEngine.Sdk;

/// <summary>
/// A kind of layer that a plugin provides. The engine finds every implementation in a plugin's
/// assemblies and registers it under <see cref="Name"/>; one public parameterless constructor is required.
/// </summary>
public interface ILayerType
{
    /// <summary>The type name used in scene files, for example <c>background</c> or <c>overlay.text</c>.</summary>
    string Name { get; }

    /// <summary>Creates a renderer for one layer of this type.</summary>
    ILayerRenderer CreateRenderer(LayerContext context);
}
