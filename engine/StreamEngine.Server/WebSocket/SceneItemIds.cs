using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// obs-websocket names scene items by integer and scenes also by UUID. A layer gets its number the first time a client
/// sees it and keeps it while the engine runs; a scene's UUID is derived from its name, so it is the same after a restart.
/// </summary>
internal sealed class SceneItemIds
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private int _last;

    public int Of(string layerId) => _ids.GetOrAdd(layerId, _ => Interlocked.Increment(ref _last));

    public string? LayerOf(int sceneItemId) => _ids.FirstOrDefault(pair => pair.Value == sceneItemId).Key;

    public static string SceneUuid(string sceneName) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes("scene:" + sceneName))).ToString();
}
