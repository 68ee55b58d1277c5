using System.Globalization;
using System.Text;
using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>
/// An HLS output: one rendition per rung of the ladder (heights such as 1080, 720, 480; rungs taller than the show are
/// left out, widths keep the show's aspect), each an output writing its own live playlist, and a master playlist
/// naming them. Everything lives in <c>hls/NAME/</c> under the recordings folder, which the engine serves read-only
/// at <c>/api/hls/</c>.
/// </summary>
public sealed record HlsLadder(string Name, IReadOnlyList<int> Heights)
{
    /// <summary>The ladder when none is configured.</summary>
    public static readonly IReadOnlyList<int> DefaultHeights = [1080, 720, 480];

    /// <summary>A rung: its rendition and the playlist its output writes, relative to the ladder's folder.</summary>
    public sealed record Rung(OutputRendition Rendition, string Playlist, int BandwidthBitsPerSecond);

    /// <summary>Reads <c>hls:NAME</c>; null when <paramref name="target"/> is not an HLS output.</summary>
    public static HlsLadder? TryParse(string target, IReadOnlyList<int> heights)
    {
        if (!target.StartsWith("hls:", StringComparison.Ordinal)) return null;
        var name = target[4..];
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ShowRequestException(RequestFailure.Invalid, $"target '{target}': expected hls:NAME, NAME of 1-64 letters, digits, '-' or '_'", "target");
        return new HlsLadder(name, heights);
    }

    /// <summary>The ladder's folder under <paramref name="recordings"/>.</summary>
    public string Folder(string recordings) => Path.Combine(recordings, "hls", Name);

    /// <summary>A rung's video bitrate: the engine's defaults by height (so the top rung at the show's size can share its encode).</summary>
    public static int KbpsFor(int height) => height switch { >= 1080 => 4500, >= 720 => 2500, >= 480 => 1200, _ => 800 };

    /// <summary>The rungs for a show of <paramref name="show"/>, tallest first.</summary>
    public IReadOnlyList<Rung> Rungs(VideoFormat show)
    {
        var rungs = Heights.Distinct().Where(h => h >= 16 && h <= show.Height).OrderDescending().Select(h =>
        {
            var width = (int)Math.Round(show.Width * (double)h / show.Height / 2) * 2;
            var rendition = new OutputRendition(width, h - h % 2, KbpsFor(h));
            return new Rung(rendition, $"{h}p/index.m3u8", (KbpsFor(h) + 128) * 1000);
        }).ToList();
        if (rungs.Count == 0)
            throw new ShowRequestException(RequestFailure.Invalid, $"hls:{Name}: no rung of the ladder {string.Join(",", Heights)} fits the show's height {show.Height}", "ladder");
        return rungs;
    }

    /// <summary>Writes the master playlist naming every rung (written whole to a new file, then moved in place).</summary>
    public static void WriteMaster(string folder, IReadOnlyList<Rung> rungs)
    {
        var text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var rung in rungs)
            text.Append(CultureInfo.InvariantCulture, $"#EXT-X-STREAM-INF:BANDWIDTH={rung.BandwidthBitsPerSecond},RESOLUTION={rung.Rendition.Width}x{rung.Rendition.Height},CODECS=\"avc1.64001f,mp4a.40.2\"\n{rung.Playlist}\n");
        Directory.CreateDirectory(folder);
        foreach (var rung in rungs) Directory.CreateDirectory(Path.Combine(folder, Path.GetDirectoryName(rung.Playlist)!));
        var temporary = Path.Combine(folder, ".master.m3u8.tmp");
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, Path.Combine(folder, "master.m3u8"), overwrite: true);
    }
}
