using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Core.Audio;
using StreamEngine.Core.Scene;

namespace StreamEngine.Application;

/// <summary>
/// The mix's levels as saved with the show (<c>"mix": {"music": {"gainDb": -20, "muted": false}}</c>): what the API
/// and the scripts set comes back after a restart. A channel the scene no longer has is left out.
/// </summary>
public static class SavedMix
{
    /// <summary>Every channel's gain and mute now; null for a show without sound.</summary>
    public static JsonObject? Capture(AudioMixer? mixer) => mixer is null ? null
        : new JsonObject(mixer.Channels().Select(c => KeyValuePair.Create(c.Id, (JsonNode?)new JsonObject { ["gainDb"] = c.GainDb, ["muted"] = c.Muted })));

    /// <summary>What is wrong with a saved mix, by the API's rules (gain −60 to 12 dB, mute a boolean).</summary>
    public static IEnumerable<ValidationProblem> Check(JsonNode? mix)
    {
        if (mix is null) yield break;
        if (mix is not JsonObject channels) { yield return new("$.mix", "expected an object of channels"); yield break; }
        foreach (var (id, node) in channels)
        {
            if (node is not JsonObject levels) { yield return new($"$.mix.{id}", "expected an object with gainDb and muted"); continue; }
            if (levels["gainDb"] is not JsonValue g || g.GetValueKind() != JsonValueKind.Number || g.GetValue<double>() is < -60 or > 12)
                yield return new($"$.mix.{id}.gainDb", "expected a number from -60 to 12");
            if (levels["muted"] is not JsonValue m || m.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                yield return new($"$.mix.{id}.muted", "expected true or false");
        }
    }

    /// <summary>Sets the saved levels (checked by <see cref="Check"/>) on the channels the mixer has.</summary>
    public static void Apply(AudioMixer? mixer, JsonObject? mix)
    {
        if (mixer is null || mix is null) return;
        var ids = mixer.Channels().Select(c => c.Id).ToHashSet();
        foreach (var (id, node) in mix)
        {
            if (!ids.Contains(id) || node is not JsonObject levels) continue;
            mixer.SetGain(id, levels["gainDb"]!.GetValue<double>());
            mixer.SetMuted(id, levels["muted"]!.GetValue<bool>());
        }
    }
}
