using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Chat.Simulated;

/// <summary>One member of the audience: a name, the language they write in, and how they behave.</summary>
/// <param name="Style"><c>bidder</c>, <c>asker</c>, <c>fan</c> (emoji and cheers), <c>chatter</c> or <c>spammer</c>.</param>
internal sealed record Persona(string Name, string Language, string Style, string? Color, IReadOnlyList<string> Badges);

/// <summary>A message the settings script at a show time (the <c>--audience</c> file's <c>messages</c>).</summary>
internal sealed record ScriptedLine(double At, string Author, string Text, IReadOnlyList<string> Badges, string? Color);

/// <summary>Every <c>Every</c> seconds, for <c>Seconds</c>, the audience posts at <c>Rate</c> messages/s instead.</summary>
internal sealed record Flood(double Every, double Seconds, double Rate);

/// <summary>
/// The <c>simulated</c> source's settings, every number checked and bounded; a bad one throws
/// <see cref="FormatException"/> naming the setting and what was expected.
/// </summary>
internal sealed record AudienceSettings(
    long Seed, double Rate, IReadOnlyList<Persona> Personas, decimal Price, decimal Increment, string Currency,
    Flood? Flood, double Loop, IReadOnlyList<ScriptedLine> Script)
{
    public const double MaxRate = 500;

    public static AudienceSettings Read(JsonObject s)
    {
        var script = (Array(s, "messages") ?? []).Select((m, i) => Line(m, $"messages[{i}]")).OrderBy(l => l.At).ToList();
        var rate = Number(s, "rate", 1, MaxRate) ?? (script.Count > 0 ? 0 : 2);
        var personas = (Array(s, "personas") ?? []).Select((p, i) => Member(p, $"personas[{i}]")).ToList();
        var flood = s["floods"] is JsonObject f
            ? new Flood(Number(f, "every", 1, 86400, "floods.") ?? 60, Number(f, "seconds", 0.1, 3600, "floods.") ?? 5, Number(f, "rate", 1, MaxRate, "floods.") ?? 200)
            : null;
        var currency = Text(s, "currency") ?? "ETH";
        if (currency.Length is < 1 or > 8 || !currency.All(char.IsAsciiLetter)) throw new FormatException($"currency: expected a code of 1 to 8 letters such as ETH or USD, got '{currency}'");
        return new AudienceSettings(
            (long)(Number(s, "seed", 0, int.MaxValue) ?? 1), rate, personas.Count > 0 ? personas : Cast.Default,
            (decimal)(Number(s, "price", 0, 1e12) ?? 2.5), (decimal)(Number(s, "increment", 0.000001, 1e9) ?? 0.1), currency.ToUpperInvariant(),
            flood, Number(s, "loop", 1, 86400) ?? (script.Count > 0 ? script[^1].At + 5 : 60), script);
    }

    private static ScriptedLine Line(JsonNode? node, string where)
    {
        if (node is not JsonObject m) throw new FormatException($"{where}: expected {{ \"at\": seconds, \"author\", \"text\" }}");
        return new ScriptedLine(Number(m, "at", 0, 86400, where + ".") ?? throw new FormatException($"{where}.at: expected seconds"),
            Text(m, "author", where + ".") ?? throw new FormatException($"{where}.author: expected a name"),
            Text(m, "text", where + ".") ?? throw new FormatException($"{where}.text: expected the message"),
            Strings(m, "badges", where + "."), Text(m, "color", where + "."));
    }

    private static Persona Member(JsonNode? node, string where)
    {
        if (node is not JsonObject p) throw new FormatException($"{where}: expected {{ \"name\", \"language\", \"style\" }}");
        var style = Text(p, "style", where + ".") ?? "chatter";
        if (style is not ("bidder" or "asker" or "fan" or "chatter" or "spammer"))
            throw new FormatException($"{where}.style: expected bidder, asker, fan, chatter or spammer, got '{style}'");
        var language = Text(p, "language", where + ".") ?? "en";
        if (!Phrases.Languages.Contains(language))
            throw new FormatException($"{where}.language: expected one of {string.Join(", ", Phrases.Languages)}, got '{language}'");
        return new Persona(Text(p, "name", where + ".") ?? throw new FormatException($"{where}.name: expected a name"), language, style,
            Text(p, "color", where + "."), Strings(p, "badges", where + "."));
    }

    private static JsonArray? Array(JsonObject o, string key) => o[key] switch
    {
        null => null,
        JsonArray a => a,
        _ => throw new FormatException($"{key}: expected an array"),
    };

    private static double? Number(JsonObject o, string key, double min, double max, string prefix = "")
    {
        if (o[key] is null) return null;
        if (o[key] is not JsonValue v || !v.TryGetValue<double>(out var d) || !double.IsFinite(d) || d < min || d > max)
            throw new FormatException($"{prefix}{key}: expected a number from {min} to {max}, got {o[key]!.ToJsonString()}");
        return d;
    }

    private static string? Text(JsonObject o, string key, string prefix = "")
    {
        if (o[key] is null) return null;
        if (o[key] is not JsonValue v || !v.TryGetValue<string>(out var s)) throw new FormatException($"{prefix}{key}: expected a string");
        return s;
    }

    private static IReadOnlyList<string> Strings(JsonObject o, string key, string prefix) =>
        o[key] is null ? [] : o[key] is JsonArray a && a.All(n => n is JsonValue v && v.TryGetValue<string>(out _))
            ? [.. a.Select(n => n!.GetValue<string>())]
            : throw new FormatException($"{prefix}{key}: expected an array of strings");
}
