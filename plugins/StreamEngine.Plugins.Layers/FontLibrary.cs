using SkiaSharp;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// Finds typefaces by family, weight and slant. The engine's Skia build reads no system font configuration, so the
/// font folders are scanned once (on first use) and searched here; font files shipped with a show load through the
/// resource cache. Generic names: sans, serif, mono.
/// </summary>
internal static class FontLibrary
{
    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts")];
    private static readonly Dictionary<string, string[]> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sans"] = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans"],
        ["serif"] = ["DejaVu Serif", "Liberation Serif", "Noto Serif", "FreeSerif"],
        ["mono"] = ["DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono", "FreeMono"],
    };
    private static readonly Lazy<IReadOnlyList<SKTypeface>> Installed = new(Scan);

    // What Find answered: the installed fonts never change, and searching them reads every typeface's family name from
    // Skia (~300 native calls and strings); a price card changing at every frame of a bid flood spent a third of its frame here.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Family, int Weight, bool Italic), SKTypeface> Found = new();

    /// <summary>The best installed match, else any installed font, else Skia's default (which may draw nothing).</summary>
    public static SKTypeface Find(string family, int weight, bool italic)
    {
        if (Found.TryGetValue((family, weight, italic), out var found)) return found;
        // Bounded: family names come from props, so a show cycling through made-up names cannot grow it without end.
        if (Found.Count > 1024) Found.Clear();
        return Found[(family, weight, italic)] = Search(family, weight, italic);
    }

    private static SKTypeface Search(string family, int weight, bool italic)
    {
        var names = Generic.TryGetValue(family, out var generic) ? generic : [family];
        var all = Installed.Value;
        foreach (var name in names)
        {
            var candidates = all.Where(t => string.Equals(t.FamilyName, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (candidates.Count > 0) return Closest(candidates, weight, italic);
        }
        return all.Count > 0 ? Closest(all.Where(t => t.FamilyName == all[0].FamilyName).ToList(), weight, italic) : SKTypeface.Default;
    }

    /// <summary>Every installed typeface, in path order (for per-character fallback).</summary>
    public static IReadOnlyList<SKTypeface> All => Installed.Value;

    public static SKTypeface Closest(IReadOnlyList<SKTypeface> candidates, int weight, bool italic) =>
        candidates.OrderBy(t => (t.FontStyle.Slant != SKFontStyleSlant.Upright) == italic ? 0 : 1)
            .ThenBy(t => Math.Abs(t.FontStyle.Weight - weight))
            .ThenBy(t => t.FontStyle.Width == (int)SKFontStyleWidth.Normal ? 0 : 1)
            .First();

    private static IReadOnlyList<SKTypeface> Scan() =>
        FontFolders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => SKTypeface.FromFile(path))
            .OfType<SKTypeface>()
            .ToList();
}
