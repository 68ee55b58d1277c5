namespace StreamEngine.Core.Scene;

/// <summary>A named set of layers (for example "Intro", "Auction", "Break"), by layer id; a layer may be in several.</summary>
public sealed record NamedScene(string Name, IReadOnlyList<string> Layers);

/// <summary>
/// The named scenes of a show and the one on air. A show file without <c>scenes</c> is one scene, <see cref="DefaultName"/>,
/// holding every layer.
/// </summary>
public sealed record SceneList(IReadOnlyList<NamedScene> Scenes, string OnAir)
{
    public const string DefaultName = "Main";

    /// <summary>At most this many scenes in a show: a producer switches between a handful, a bound keeps the list finite.</summary>
    public const int MaxScenes = 100;

    /// <summary>Longest scene name: it is shown on buttons and sent to control surfaces.</summary>
    public const int MaxName = 100;

    public static SceneList Single(IEnumerable<string> layerIds) => new([new NamedScene(DefaultName, [.. layerIds])], DefaultName);

    public NamedScene? Find(string name) => Scenes.FirstOrDefault(s => s.Name == name);
}
