using System.Text.Json;

namespace StreamEngine.Plugins.Easings.Tests;

/// <summary>
/// reference/css-easings.json: the eased progress Chromium's Web Animations engine gives CSS easings at
/// t = 0, 0.01, ..., 1 (see reference/README.md for how it was produced).
/// </summary>
internal sealed record ChromiumReference(string Generator, double[] Times, Dictionary<string, double[]> Progress)
{
    public static readonly ChromiumReference Table = Load();

    private static ChromiumReference Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reference", "css-easings.json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        return JsonSerializer.Deserialize<ChromiumReference>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path} is empty");
    }
}
