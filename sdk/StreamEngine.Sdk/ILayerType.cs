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

    /// <summary>
    /// The layer's <c>props</c> described as a JSON Schema document (draft 2020-12), or null when the type does not
    /// describe them. The engine serves it at <c>GET /api/layer-types</c>; the dashboard builds its property form from
    /// <c>properties</c> (each with <c>type</c>, <c>title</c>, <c>description</c>, <c>default</c>, <c>enum</c>,
    /// <c>minimum</c>/<c>maximum</c>, and <c>format: "color"</c> for colors). It documents the props; the renderer still
    /// reads them leniently, so a value outside the schema never stops the stream.
    /// </summary>
    string? PropsSchema => null;
}
