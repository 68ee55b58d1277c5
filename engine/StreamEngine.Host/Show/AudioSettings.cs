using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Application;
using StreamEngine.Core.Audio;
using StreamEngine.Core.Resources;
using StreamEngine.Core.Scene;
using StreamEngine.Plugins;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Host.Show;

/// <summary>
/// The scene file's <c>audio</c> section: the channels of the mix, each an audio source from a plugin, and the
/// loudness target. Paths in a source's <c>files</c> list or <c>sounds</c> map are resolved inside the show's folder.
/// <c>"audio": { "loudness": -16, "duckDb": -12, "channels": [ { "id": "music", "type": "file", "gainDb": -8, "duck": true,
/// "settings": { "files": ["bed.ogg"] } }, { "id": "host", "type": "tts", "voiceOf": "host" }, { "id": "fx", "type": "effects" } ] }</c>
/// </summary>
internal static class AudioSettings
{
    /// <summary>The mixer for the scene's section, or null when it has none (the encoder then encodes silence).</summary>
    public static AudioMixer? Open(string scenePath, PluginCatalog plugins, double originSeconds, out IReadOnlyList<ValidationProblem> problems)
    {
        var found = new List<ValidationProblem>();
        problems = found;
        JsonNode? audio;
        try { audio = JsonNode.Parse(File.ReadAllText(scenePath), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })?["audio"]; }
        catch (Exception e) when (e is JsonException or IOException) { found.Add(new("$", e.Message)); return null; }
        if (audio is null) return null;
        if (audio is not JsonObject section) { found.Add(new("$.audio", "expected an object with \"channels\"")); return null; }
        var folder = LocalFile.RealPath(Path.GetDirectoryName(Path.GetFullPath(scenePath))!) ?? "/";
        var format = new AudioFormat();
        var options = new AudioMixOptions(
            DuckDb: Number(section, "duckDb", -12, -40, 0, "$.audio", found) ?? -12,
            LoudnessLufs: section["loudness"] is JsonValue v && v.GetValueKind() == JsonValueKind.Null ? null : Number(section, "loudness", -16, -40, -8, "$.audio", found),
            MusicTrack: Flag(section, "musicTrack", "$.audio", found));
        var channels = new List<AudioChannel>();
        foreach (var (node, i) in (section["channels"] as JsonArray ?? []).Select((n, i) => (n, i)))
        {
            var path = $"$.audio.channels[{i}]";
            if (node is not JsonObject o) { found.Add(new(path, "expected an object with \"id\" and \"type\"")); continue; }
            var id = Text(o, "id");
            var type = Text(o, "type");
            if (id is null || !ChatSettings.Name().IsMatch(id) || channels.Any(c => c.Id == id)) { found.Add(new($"{path}.id", "expected a unique name of 1 to 64 letters, digits, '.', '_' or '-'")); continue; }
            if (type is null || plugins.AudioSource(type) is not { } sourceType) { found.Add(new($"{path}.type", $"expected the type of a loaded audio source plugin, got {o["type"]?.ToJsonString() ?? "nothing"}")); continue; }
            var settings = (JsonObject)(o["settings"] as JsonObject ?? new JsonObject()).DeepClone();
            if (!ResolvePaths(settings, folder, $"{path}.settings", found)) continue;
            try
            {
                var source = sourceType.Create(format, settings);
                channels.Add(new AudioChannel(id, type, source, Number(o, "gainDb", 0, -60, 12, path, found) ?? 0,
                    o["duck"] is JsonValue d && d.TryGetValue<bool>(out var duck) && duck, Text(o, "voiceOf")));
            }
            catch (Exception e) when (e is FormatException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                found.Add(new($"{path}.settings", $"{type}: {e.Message}"));
            }
        }
        return found.Count > 0 ? null : new AudioMixer(format, channels, options, originSeconds);
    }

    /// <summary>Every file a source names, resolved inside the show's folder by its real path (no <c>..</c> or symlink out).</summary>
    private static bool ResolvePaths(JsonObject settings, string folder, string path, List<ValidationProblem> problems)
    {
        var before = problems.Count;
        if (settings["files"] is JsonArray files)
            for (var i = 0; i < files.Count; i++)
                files[i] = Resolve(files[i], folder, $"{path}.files[{i}]", problems);
        if (settings["sounds"] is JsonObject sounds)
            foreach (var name in sounds.Select(s => s.Key).ToList())
                sounds[name] = Resolve(sounds[name], folder, $"{path}.sounds.{name}", problems);
        return problems.Count == before;
    }

    private static JsonNode? Resolve(JsonNode? node, string folder, string path, List<ValidationProblem> problems)
    {
        var name = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var real = name is null ? null : LocalFile.RealPath(Path.GetFullPath(Path.Combine(folder, name)));
        if (real is not null && real.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal) && LocalFile.Stat(real).Kind == LocalFile.Kind.Regular)
            return real;
        problems.Add(new(path, $"expected an audio file inside the show's folder, got {node?.ToJsonString() ?? "nothing"}"));
        return node?.DeepClone();
    }

    private static double? Number(JsonObject o, string key, double fallback, double min, double max, string path, List<ValidationProblem> problems)
    {
        if (o[key] is null) return fallback;
        if (o[key] is JsonValue v && v.TryGetValue<double>(out var n) && n >= min && n <= max) return n;
        problems.Add(new($"{path}.{key}", $"expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}"));
        return null;
    }

    private static bool Flag(JsonObject o, string key, string path, List<ValidationProblem> problems)
    {
        if (o[key] is null) return false;
        if (o[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
        problems.Add(new($"{path}.{key}", "expected true or false"));
        return false;
    }

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
