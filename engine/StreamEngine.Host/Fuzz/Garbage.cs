using System.Globalization;
using System.Text;

namespace StreamEngine.Host.Fuzz;

/// <summary>
/// Seeded hostile values as JSON text: numbers at and past every limit (raw NaN and 1e400 too, which JSON forbids),
/// strings of every script and size, deep nesting, broken syntax. Every choice comes from the one seeded
/// <see cref="Random"/>, so a seed always yields the same values.
/// </summary>
internal sealed class Garbage(Random random)
{
    public Random Random { get; } = random;

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "0.5", "-0.5", "1e9", "-1e9", "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "1e-400",
        "2147483647", "2147483648", "-2147483649", "9007199254740993", "18446744073709551616", "1e400", "-1e400",
        "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5", "+1", "1e", "123456789012345678901234567890",
    ];

    private static readonly string[] Texts =
    [
        "", " ", "a", "artwork", "bid", "\u00e9t\u00e9", "\u0645\u0632\u0627\u062f", "\u0928\u0940\u0932\u093e\u092e\u0940", "\U0001F525\U0001F4B0",
        "e\u0301\u0301\u0301\u0301", "\u200b\u200d\u202e", "\ufeff", "\ud800", "\udfff", "\0", "\u0007\u001b[2J", "\\", "\"", "%s%n%x", "{0}{1}",
        "<script>alert(1)</script>", "'; DROP TABLE show; --", "../../../../etc/passwd", "/dev/zero", "C:\\Windows", "${7*7}", "null",
        "true", "-1", "1e308", "\r\n\r\nHTTP/1.1 200 OK",
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Chance(double p) => Random.NextDouble() < p;

    /// <summary>A number token: ordinary most of the time, otherwise one from the list of hostile ones.</summary>
    public string Number(double ordinaryMax = 1000) => Chance(0.5)
        ? Math.Round((Random.NextDouble() * 2 - 0.5) * ordinaryMax, 2).ToString(CultureInfo.InvariantCulture)
        : Pick(Numbers);

    /// <summary>Raw string content (not quoted): short and odd, or long.</summary>
    public string RawText() => Random.Next(10) switch
    {
        < 6 => Pick(Texts),
        6 => new string((char)Random.Next(0x20, 0x7f), Random.Next(100, 5000)),
        7 => string.Concat(Enumerable.Range(0, Random.Next(1, 40)).Select(_ => char.ConvertFromUtf32(Random.Next(0x20, 0x2fff)))),
        8 => string.Concat(Enumerable.Repeat("\U0001F600", Random.Next(10, 2000))),
        _ => new string('x', Pick(new[] { 65_536, 600_000, 1_100_000 })),
    };

    /// <summary>A quoted JSON string.</summary>
    public string Text() => Quote(RawText());

    /// <summary>Quotes as JSON, escaping only what JSON must (and lone surrogates, which a serializer refuses), so odd characters arrive as themselves.</summary>
    public static string Quote(string raw)
    {
        var quoted = new StringBuilder(raw.Length + 2).Append('"');
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]) : char.IsLowSurrogate(c) ? i > 0 && char.IsHighSurrogate(raw[i - 1]) : true;
            if (c is '"' or '\\') quoted.Append('\\').Append(c);
            else if (c < 0x20 || !paired) quoted.Append($"\\u{(int)c:x4}");
            else quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>Any JSON value, hostile or not; arrays and objects nest up to <paramref name="depth"/>.</summary>
    public string Value(int depth = 2) => Random.Next(depth > 0 ? 9 : 5) switch
    {
        0 => Number(),
        1 => Text(),
        2 => Chance(0.5) ? "true" : "false",
        3 => "null",
        4 => Chance(0.1) ? Deep() : Number(),
        5 or 6 => Array(Random.Next(0, 6), () => Value(depth - 1)),
        _ => Object(Enumerable.Range(0, Random.Next(0, 6)).Select(_ => (Key(), Value(depth - 1)))),
    };

    public string Key() => Chance(0.8) ? Pick(Keys) : RawText();

    private static readonly string[] Keys = ["id", "type", "x", "y", "width", "height", "text", "src", "props", "transform", "opacity", "color", "__proto__", "constructor", "$ref"];

    /// <summary>Nesting past any parser's depth limit.</summary>
    public string Deep()
    {
        var depth = Pick(new[] { 65, 200, 5_000, 100_000 });
        var (open, close) = Chance(0.5) ? ("[", "]") : ("{\"a\":", "}");
        return string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
    }

    public static string Array(int count, Func<string> item) => "[" + string.Join(",", Enumerable.Range(0, count).Select(_ => item())) + "]";

    public static string Object(IEnumerable<(string Key, string Value)> fields) =>
        "{" + string.Join(",", fields.Select(f => $"{Quote(f.Key)}:{f.Value}")) + "}";

    public static string Object(params (string Key, string Value)[] fields) => Object((IEnumerable<(string, string)>)fields);

    /// <summary>A body that is not JSON, or is broken JSON: cut short, trailing commas, single quotes, comments, a BOM.</summary>
    public string BrokenJson(string valid) => Random.Next(8) switch
    {
        0 => valid.Length > 1 ? valid[..Random.Next(1, valid.Length)] : "{",
        1 => valid.Replace("\"", "'"),
        2 => valid.TrimEnd('}') + ",}",
        3 => "/* c */" + valid,
        4 => "\ufeff" + valid,
        5 => valid + valid,
        6 => "",
        _ => Pick(new[] { "undefined", "{\"a\":NaN}", "[1,,2]", "{\"a\" 1}", "\u0000", "{\"a\":\"\\u12\"}", "{\"\\ud800\":1}" }),
    };

    /// <summary>An id or name as it might arrive in a URL: a real one most of the time, else anything.</summary>
    public string Id(IReadOnlyList<string> real) => Chance(0.7) ? Pick(real) : Pick(Texts) is { Length: > 0 } t ? t : "x";
}
