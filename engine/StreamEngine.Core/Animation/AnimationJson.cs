using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace StreamEngine.Core.Animation;

/// <summary>The JSON shape of animations and triggers, as in scene files, the API and the state store.</summary>
public static class AnimationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowOutOfOrderMetadataProperties = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Reads an animation; the error names the JSON path and what was wrong.</summary>
    public static AnimationSpec Parse(JsonNode node)
    {
        try
        {
            return node.Deserialize<AnimationSpec>(Options) ?? throw new FormatException("animation: expected an object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"animation{e.Path?.TrimStart('$')}: {Explain(e)}", e);
        }
        catch (NotSupportedException e) when (e.Message.Contains("discriminator", StringComparison.OrdinalIgnoreCase))
        {
            // A top-level object without "kind" (System.Text.Json reports it as not supported rather than as bad JSON).
            throw new FormatException($"animation: expected \"kind\": tween, keyframes, path, spring, effect, sequence or parallel", e);
        }
    }

    public static TriggerSpec ParseTrigger(JsonNode node)
    {
        try { return node.Deserialize<TriggerSpec>(Options) ?? throw new FormatException("trigger: expected an object"); }
        catch (JsonException e) { throw new FormatException($"trigger{e.Path?.TrimStart('$')}: {Explain(e)}", e); }
    }

    public static JsonNode ToJson(AnimationSpec spec) => JsonSerializer.SerializeToNode(spec, Options)!;

    public static AnimationSpec Clone(AnimationSpec spec) => Parse(ToJson(spec));

    public static JsonNode ToJson(TriggerSpec trigger) => JsonSerializer.SerializeToNode(trigger, Options)!;

    public static TriggerSpec Clone(TriggerSpec trigger) => ParseTrigger(ToJson(trigger));

    private static string Explain(JsonException e) => e.Message.Contains("discriminator", StringComparison.OrdinalIgnoreCase)
        ? "expected \"kind\": tween, keyframes, path, spring, effect, sequence or parallel"
        : e.Message;
}
