using StreamEngine.Sdk;

namespace StreamEngine.Core.Rendering;

/// <summary>Where the compositor finds layer types; the plugin loader provides it.</summary>
public interface ILayerTypeCatalog
{
    /// <summary>The layer type registered under <paramref name="typeName"/>, or null.</summary>
    ILayerType? Find(string typeName);

    /// <summary>Changes whenever the set of loaded plugins changes; renderers are then recreated from state.</summary>
    long Generation { get; }
}
