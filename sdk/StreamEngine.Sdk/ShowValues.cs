using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StreamEngine.Sdk;

/// <summary>
/// The show's shared values (<see cref="IShowValues"/>): the engine keeps one per show; plugin tests can use their own.
/// Values are stored as immutable <see cref="JsonElement"/>s, so a reader on another thread never sees one half written.
/// </summary>
public sealed partial class ShowValues : IShowValues
{
    private const int MaxValues = 256, MaxBytes = 16 * 1024;
    private readonly ConcurrentDictionary<string, JsonElement> _values = new(StringComparer.Ordinal);

    /// <summary>A set that keeps nothing: what an engine without shared values gives.</summary>
    public static IShowValues None { get; } = new Nothing();

    /// <inheritdoc />
    public void Publish(string name, JsonNode? value)
    {
        if (name is null || !Name().IsMatch(name)) throw new ArgumentException($"name: expected 1 to 64 letters, digits, '.', '_' or '-', got '{name}'", nameof(name));
        if (value is null)
        {
            _values.TryRemove(name, out _);
            return;
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(value);
        if (json.Length > MaxBytes) throw new ArgumentException($"value of '{name}': expected at most {MaxBytes} bytes of JSON, got {json.Length}", nameof(value));
        if (!_values.ContainsKey(name) && _values.Count >= MaxValues) throw new InvalidOperationException($"the show already has {MaxValues} shared values, the most it keeps");
        using var document = JsonDocument.Parse(json);
        _values[name] = document.RootElement.Clone();
    }

    /// <inheritdoc />
    public JsonElement? Read(string name) => name is not null && _values.TryGetValue(name, out var value) ? value : null;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Name();

    private sealed class Nothing : IShowValues
    {
        public void Publish(string name, JsonNode? value) { }

        public JsonElement? Read(string name) => null;
    }
}
