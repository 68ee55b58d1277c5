namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// One destination parsed from a string: <c>rtmp://</c>, <c>rtmps://</c>, <c>srt://</c> or a file path whose extension
/// picks the container. <see cref="Display"/> masks every secret (stream key, userinfo, query values); only
/// <see cref="Address"/> holds the real value and it is never logged.
/// </summary>
public sealed class OutputTarget
{
    private const string Mask = "****";

    private static readonly Dictionary<string, string> FileFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = "mp4", [".mkv"] = "matroska", [".flv"] = "flv", [".ts"] = "mpegts", [".webm"] = "webm", [".m3u8"] = "hls",
    };

    private readonly IReadOnlyList<string> _secrets;

    private OutputTarget(OutputKind kind, string format, string address, string display, IReadOnlyList<string> secrets)
    {
        Kind = kind;
        Format = format;
        Address = address;
        Display = display;
        _secrets = secrets.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length).ToList();
    }

    /// <summary>False when an existing file must never be replaced (outputs added over the API or by scripts).</summary>
    public bool MayOverwrite { get; private init; } = true;

    /// <summary>This target, with ffmpeg told not to replace an existing file.</summary>
    public OutputTarget KeepingExistingFiles() => new(Kind, Format, Address, Display, _secrets) { MayOverwrite = false };

    /// <summary>Network or file.</summary>
    public OutputKind Kind { get; }

    /// <summary>The ffmpeg muxer name: flv, mpegts, mp4, matroska, webm.</summary>
    public string Format { get; }

    /// <summary>The real URL or full file path, with secrets. Pass it to ffmpeg only; never log it.</summary>
    public string Address { get; }

    /// <summary>The target with secrets masked, e.g. <c>rtmp://host/live/****</c>; safe to log and show.</summary>
    public string Display { get; }

    /// <summary>Reads <paramref name="text"/>, or explains why it is not a target. The explanation never holds a secret.</summary>
    public static bool TryParse(string text, out OutputTarget? target, out string? problem)
    {
        target = null;
        problem = null;
        text = text.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            var scheme = text[..schemeEnd].ToLowerInvariant();
            var (kind, format) = scheme switch
            {
                "rtmp" or "rtmps" => (OutputKind.Rtmp, "flv"),
                "srt" => (OutputKind.Srt, "mpegts"),
                _ => ((OutputKind?)null, ""),
            };
            if (kind is null)
            {
                problem = $"output '{scheme}://…' has an unsupported scheme; expected rtmp://, rtmps://, srt:// or a file path";
                return false;
            }
            target = FromUrl(kind.Value, format, scheme, text, text[(schemeEnd + 3)..]);
            if (target is null) problem = $"output '{scheme}://…' has no host; expected {scheme}://host[:port]/…";
            return target is not null;
        }
        if (text.Length == 0 || !FileFormats.TryGetValue(Path.GetExtension(text), out var fileFormat))
        {
            problem = $"output '{text}' is not a URL nor a file with a known extension; expected rtmp://, rtmps://, srt:// "
                + "or a file ending in " + string.Join(", ", FileFormats.Keys);
            return false;
        }
        var fullPath = Path.GetFullPath(text);
        target = new OutputTarget(OutputKind.File, fileFormat, fullPath, fullPath, []);
        return true;
    }

    /// <summary>Reads <paramref name="text"/>; throws <see cref="FormatException"/> with a masked message when it is not a target.</summary>
    public static OutputTarget Parse(string text) =>
        TryParse(text, out var target, out var problem) ? target! : throw new FormatException(problem);

    /// <summary>Masks every secret of this target that appears in <paramref name="text"/> (for example in ffmpeg's errors).</summary>
    public string Redact(string text)
    {
        if (Address != Display) text = text.Replace(Address, Display, StringComparison.Ordinal);
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// The file path for the <paramref name="attempt"/>-th start of a file output, so a restart never overwrites
    /// what an earlier attempt wrote: <c>show.mp4</c>, then <c>show.1.mp4</c>, <c>show.2.mp4</c>…
    /// </summary>
    public string PathForAttempt(int attempt)
    {
        if (Kind != OutputKind.File || attempt == 0 || Format == "hls") return Address; // a playlist goes on, appended to
        var extension = Path.GetExtension(Address);
        return Address[..^extension.Length] + "." + attempt + extension;
    }

    /// <inheritdoc />
    public override string ToString() => Display;

    private static OutputTarget? FromUrl(OutputKind kind, string format, string scheme, string address, string rest)
    {
        var secrets = new List<string>();
        var queryStart = rest.IndexOf('?');
        var query = queryStart >= 0 ? rest[(queryStart + 1)..] : null;
        if (queryStart >= 0) rest = rest[..queryStart];
        var pathStart = rest.IndexOf('/');
        var authority = pathStart >= 0 ? rest[..pathStart] : rest;
        var path = pathStart >= 0 ? rest[pathStart..] : "";
        var at = authority.LastIndexOf('@');
        var display = scheme + "://";
        if (at >= 0)
        {
            secrets.Add(authority[..at]);
            secrets.AddRange(authority[..at].Split(':'));
            display += Mask + "@";
            authority = authority[(at + 1)..];
        }
        if (authority.Length == 0 || authority.StartsWith(':')) return null;
        display += authority;

        // rtmp://host/app/KEY: the app is public, everything after it is the stream key. A lone segment may be the key
        // itself (rtmp://host/KEY), and an SRT path has no public part: both are masked whole.
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var shown = kind == OutputKind.Rtmp && segments.Length > 1 ? 1 : 0;
        if (shown == 1) display += "/" + segments[0];
        var hidden = segments.Skip(shown).ToList();
        if (hidden.Count > 0)
        {
            display += "/" + Mask;
            secrets.Add(string.Join('/', hidden));
            secrets.AddRange(hidden);
            secrets.AddRange(hidden.Select(Uri.UnescapeDataString));
        }
        if (query is not null)
        {
            var masked = new List<string>();
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                var value = eq >= 0 ? pair[(eq + 1)..] : pair;
                secrets.Add(value);
                secrets.Add(Uri.UnescapeDataString(value));
                masked.Add(eq >= 0 ? pair[..(eq + 1)] + Mask : Mask);
            }
            display += "?" + string.Join('&', masked);
        }
        return new OutputTarget(kind, format, address, display, secrets);
    }
}
