using Microsoft.Extensions.Logging;

namespace StreamEngine.Sdk;

/// <summary>What a layer renderer is given when it is created.</summary>
/// <param name="LayerId">Id of the layer the renderer draws.</param>
/// <param name="AssetDirectory">Directory that relative asset paths (images, fonts) resolve against: the scene file's folder.</param>
/// <param name="Logger">Logger for this layer.</param>
public sealed record LayerContext(string LayerId, string AssetDirectory, ILogger Logger)
{
    /// <summary>Resolves a path from a layer's props against <see cref="AssetDirectory"/>.</summary>
    public string ResolveAsset(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AssetDirectory, path));
}
