using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Sdk;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>The JSON Schemas the shipped layer types give the dashboard for its property forms.</summary>
public sealed class PropsSchemaTests
{
    public static TheoryData<string> LayerTypes() => [.. ShippedTypes().Select(t => t.Name)];

    private static IEnumerable<ILayerType> ShippedTypes() => typeof(TextLayer).Assembly.GetTypes()
        .Where(t => typeof(ILayerType).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (ILayerType)Activator.CreateInstance(t)!);

    [Theory]
    [MemberData(nameof(LayerTypes))]
    public void Every_shipped_layer_type_describes_its_props_with_defaults_that_fit(string name)
    {
        var type = ShippedTypes().Single(t => t.Name == name);
        Assert.NotNull(type.PropsSchema);
        var schema = JsonNode.Parse(type.PropsSchema!)!.AsObject();
        Assert.Equal("object", schema["type"]!.GetValue<string>());
        var properties = schema["properties"]!.AsObject();
        Assert.NotEmpty(properties);
        foreach (var (prop, node) in properties) CheckProperty($"{name}.{prop}", node!.AsObject());
    }

    private static void CheckProperty(string path, JsonObject property)
    {
        var kind = property["type"]!.GetValue<string>();
        Assert.Contains(kind, new[] { "string", "number", "integer", "boolean", "object", "array" });
        Assert.False(string.IsNullOrWhiteSpace(property["title"]?.GetValue<string>()), $"{path}: a form label (title)");
        if (kind == "object" && property["properties"] is JsonObject nested)
            foreach (var (prop, node) in nested) CheckProperty($"{path}.{prop}", node!.AsObject());
        if (property["default"] is not { } value) return;
        var valueKind = value.GetValueKind();
        Assert.True(kind switch
        {
            "string" => valueKind == JsonValueKind.String,
            "number" or "integer" => valueKind == JsonValueKind.Number,
            "boolean" => valueKind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        }, $"{path}: default {value.ToJsonString()} is not a {kind}");
        if (property["enum"] is JsonArray choices) Assert.Contains(value.ToJsonString(), choices.Select(c => c!.ToJsonString()));
        if (valueKind == JsonValueKind.Number)
        {
            var number = value.GetValue<double>();
            if (property["minimum"] is { } min) Assert.True(number >= min.GetValue<double>(), $"{path}: default below minimum");
            if (property["maximum"] is { } max) Assert.True(number <= max.GetValue<double>(), $"{path}: default above maximum");
        }
        if (property["format"]?.GetValue<string>() == "color" && valueKind == JsonValueKind.String)
            Assert.True(ColorText.TryParse(value.GetValue<string>(), out _), $"{path}: default is not a color");
    }
}
