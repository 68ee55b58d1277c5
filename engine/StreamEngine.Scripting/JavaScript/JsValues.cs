using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace StreamEngine.Scripting.JavaScript;

/// <summary>JSON between the engine and JavaScript: scripts only ever get plain JavaScript values, never CLR objects.</summary>
internal static class JsValues
{
    public static JsValue ToJs(Engine engine, JsonNode? node) =>
        node is null ? JsValue.Null : new JsonParser(engine).Parse(node.ToJsonString());

    public static JsonNode? FromJs(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        var text = new JsonSerializer(engine).Serialize(value);
        return text.IsUndefined() ? null : JsonNode.Parse(text.ToString());
    }

    public static JsonObject ObjectFromJs(Engine engine, JsValue value, string what) =>
        FromJs(engine, value) as JsonObject ?? throw new ScriptApiException($"{what}: expected an object");
}
