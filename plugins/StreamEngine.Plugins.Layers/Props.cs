using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// Reads typed values from a layer's props; a bad value throws a message naming the prop and what was expected.
/// For an object inside the props, either the name is a path (<c>font.size</c>, the last part is looked up) or
/// <c>where</c> is the object's path (<c>props.states.idle</c>), so the message names the field.
/// </summary>
internal static partial class Props
{
    public static string? String(JsonObject props, string name, string where = "props") =>
        props[Key(name)] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => throw Bad(name, "a string", other, where),
        };

    public static double Number(JsonObject props, string name, double fallback, string where = "props") =>
        props[Key(name)] switch
        {
            null => fallback,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
            var other => throw Bad(name, "a number", other, where),
        };

    public static SKColor Color(JsonObject props, string name, SKColor fallback) =>
        String(props, name) is { } text ? ParseColor(text, $"props.{name}") : fallback;

    /// <summary>CSS-style colors (<see cref="ColorText"/>), or a name Skia knows (white, black …).</summary>
    public static SKColor ParseColor(string text, string where)
    {
        if (ColorText.TryParse(text, out var color)) return color;
        if (!text.StartsWith('#') && SKColor.TryParse(text, out var named)) return named;
        throw new ArgumentException($"{where}: expected a color such as \"#ff8800\" or \"#ff880080\", got \"{text}\"");
    }

    private static string Key(string name) => name[(name.LastIndexOf('.') + 1)..];

    public static ArgumentException Bad(string name, string expected, JsonNode? got, string where = "props") =>
        new($"{where}.{name}: expected {expected}, got {got?.ToJsonString() ?? "null"}");
}
