using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Layers;

internal static partial class Props
{
    public static JsonObject? Object(JsonObject props, string name) =>
        props[Key(name)] switch
        {
            null => null,
            JsonObject o => o,
            var other => throw Bad(name, "an object", other),
        };

    public static int Integer(JsonObject props, string name, int fallback, int min, int max)
    {
        var value = Number(props, name, fallback);
        if (value != Math.Floor(value) || value < min || value > max)
            throw Bad(name, $"a whole number from {min} to {max}", props[Key(name)]);
        return (int)value;
    }

    public static IReadOnlyList<string> Strings(JsonObject props, string name) =>
        props[Key(name)] switch
        {
            null => [],
            JsonArray a when a.All(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String) => a.Select(v => v!.GetValue<string>()).ToList(),
            var other => throw Bad(name, "a list of strings", other),
        };
}
