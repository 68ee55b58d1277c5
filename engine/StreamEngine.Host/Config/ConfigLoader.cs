using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;

namespace StreamEngine.Host.Config;

/// <summary>
/// Builds the <see cref="EngineConfig"/> from defaults, a config file, the environment and flags, in that order,
/// and collects every bad value as a problem naming the setting, its value (masked when secret) and what is allowed.
/// </summary>
public sealed class ConfigLoader
{
    private readonly List<ValidationProblem> _problems = [];
    private EngineConfig _config;

    public ConfigLoader(EngineConfig? defaults = null) => _config = defaults ?? new EngineConfig();

    public EngineConfig Config => _config;

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public ConfigLoader FromFile(string? path)
    {
        if (path is null) return this;
        if (!File.Exists(path))
        {
            _problems.Add(new(path, "config file does not exist"));
            return this;
        }
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e)
        {
            _problems.Add(new(path, $"not valid JSON: {e.Message}"));
            return this;
        }
        if (root is not JsonObject settings)
        {
            _problems.Add(new(path, "expected a JSON object of settings such as {\"TARGET_FPS\": 30}"));
            return this;
        }
        foreach (var (name, value) in settings)
        {
            var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "null";
            Set(name, text, $"$.{name}");
        }
        return this;
    }

    public ConfigLoader FromEnvironment(IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        foreach (var setting in ConfigSettings.All)
            if (environment[setting.Name] is string value && value.Length > 0)
                Set(setting.Name, value, setting.Name);
        return this;
    }

    /// <summary>Applies one value (a command-line flag).</summary>
    public ConfigLoader Set(string name, string? value) => value is null ? this : Set(name, value, name);

    private ConfigLoader Set(string name, string value, string where)
    {
        var setting = ConfigSettings.Find(name);
        if (setting is null)
        {
            _problems.Add(new(where, $"unknown setting; known settings are {string.Join(", ", ConfigSettings.All.Select(s => s.Name))}"));
            return this;
        }
        var shown = setting.Display(value);
        if (setting.Apply(_config, value) is { } next) _config = next;
        else _problems.Add(new(where, $"{name}={shown} is not allowed; expected {setting.Expected}"));
        return this;
    }
}
