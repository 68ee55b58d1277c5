using YamlDotNet.RepresentationModel;

namespace StreamEngine.Host.Tests.Deploy;

/// <summary>Reads YAML files with YamlDotNet (a parse error fails the test) and walks them by dotted paths.</summary>
internal static class Yaml
{
    /// <summary>Every document of a file (Kubernetes files may hold several).</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        return stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)).ToList();
    }

    public static YamlMappingNode Load(string path) => Assert.Single(Documents(path));

    /// <summary>The node at a path such as <c>spec.template.spec.containers.0</c> (numbers index sequences); null when missing.</summary>
    public static YamlNode? At(this YamlNode node, string path)
    {
        YamlNode? current = node;
        foreach (var part in path.Split('.'))
            current = current switch
            {
                YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(part), out var child) ? child : null,
                YamlSequenceNode list when int.TryParse(part, out var i) && i < list.Children.Count => list.Children[i],
                _ => null,
            };
        return current;
    }

    public static string Text(this YamlNode node, string path) =>
        (node.At(path) as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException($"no scalar at '{path}'");

    public static IEnumerable<YamlNode> Items(this YamlNode node, string path) =>
        (node.At(path) as YamlSequenceNode)?.Children ?? throw new Xunit.Sdk.XunitException($"no list at '{path}'");
}
