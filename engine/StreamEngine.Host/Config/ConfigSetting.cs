namespace StreamEngine.Host.Config;

/// <summary>One setting: its name (environment variable, config file key), what it accepts and how it applies.</summary>
internal sealed record ConfigSetting(string Name, string Expected, Func<EngineConfig, string, EngineConfig?> Apply, bool IsSecret = false)
{
    /// <summary>How a value is shown in messages: secrets as ****, URLs without their user and password.</summary>
    public string Display(string value) => IsSecret ? "****" : UrlWithoutCredentials(value);

    private static string UrlWithoutCredentials(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? value.Replace(uri.UserInfo + "@", "****@") : value;

    public static ConfigSetting Int(string name, int min, int max, Func<EngineConfig, int, EngineConfig> set) =>
        new(name, $"an integer from {min} to {max}",
            (c, v) => int.TryParse(v, out var n) && n >= min && n <= max ? set(c, n) : null);

    public static ConfigSetting Number(string name, double min, double max, Func<EngineConfig, double, EngineConfig> set) =>
        new(name, $"a number from {min} to {max}",
            (c, v) => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? set(c, n) : null);

    public static ConfigSetting OneOf(string name, string[] allowed, Func<EngineConfig, string, EngineConfig> set) =>
        new(name, $"one of {string.Join(", ", allowed)}",
            (c, v) => allowed.Contains(v.ToLowerInvariant()) ? set(c, v.ToLowerInvariant()) : null);

    public static ConfigSetting Text(string name, string expected, Func<string, bool> valid, Func<EngineConfig, string, EngineConfig> set) =>
        new(name, expected, (c, v) => valid(v) ? set(c, v) : null);

    /// <summary>A comma-separated list; every item must be <paramref name="valid"/>.</summary>
    public static ConfigSetting List(string name, string expected, Func<string, bool> valid, Func<EngineConfig, IReadOnlyList<string>, EngineConfig> set) =>
        new(name, expected, (c, v) =>
        {
            var items = v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return items.All(valid) ? set(c, items) : null;
        });

    public static ConfigSetting SecretText(string name, Func<EngineConfig, Secret, EngineConfig> set) =>
        new(name, "a non-empty string", (c, v) => v.Length > 0 ? set(c, new Secret(v)) : null, IsSecret: true);
}
