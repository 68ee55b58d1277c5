using Microsoft.Extensions.Logging;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Sdk;

/// <summary>What a layer renderer is given when it is created.</summary>
/// <param name="LayerId">Id of the layer the renderer draws.</param>
/// <param name="AssetDirectory">Directory that relative asset paths (images, fonts) resolve against: the scene file's folder.</param>
/// <param name="Logger">Logger for this layer.</param>
/// <param name="Resources">Images, animations and fonts, loaded off the frame thread and shared by all layers.</param>
/// <param name="Chat">The show's chat messages.</param>
public sealed record LayerContext(string LayerId, string AssetDirectory, ILogger Logger, IResourceCache Resources, IChatFeed Chat)
{
    /// <summary>
    /// Resolves a path from a layer's props against <see cref="AssetDirectory"/>; http(s) URLs are returned as they are.
    /// </summary>
    public string ResolveAsset(string path) =>
        IsUrl(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AssetDirectory, path));

    private static bool IsUrl(string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
