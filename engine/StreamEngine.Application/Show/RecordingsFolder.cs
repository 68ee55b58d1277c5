using StreamEngine.Core.Resources;

namespace StreamEngine.Application;

/// <summary>
/// Where outputs added over the API or by scripts may write: files only inside the recordings folder (RECORDINGS_DIR),
/// never over an existing file unless the request asks to, and at most MAX_OUTPUTS outputs in all. The operator's own
/// <c>--output</c> on the command line does not pass through here.
/// </summary>
public sealed class RecordingsFolder(string folder, int maxOutputs, IOutputTargets targets)
{
    /// <summary>What the encoder accepts as a target.</summary>
    public IOutputTargets Targets { get; } = targets;

    public string Root { get; } = Path.GetFullPath(folder);

    /// <summary>
    /// The file an HLS output wrote for <paramref name="relative"/> (<c>NAME/720p/index.m3u8</c>), for the engine's
    /// read-only route: playlists and segments only, plain names only (no <c>..</c>, no hidden files), and by its real
    /// path inside <c>hls/</c> of this folder (no link out). Throws NotFound for anything else, saying no more.
    /// </summary>
    public string HlsFile(string relative)
    {
        var parts = relative.Split('/');
        var extension = Path.GetExtension(relative);
        if (relative.Length > 512 || parts.Length is < 2 or > 4 || extension is not (".m3u8" or ".ts")
            || parts.Any(p => p.Length == 0 || p[0] == '.' || !p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw NotServed(relative);
        var hls = LocalFile.RealPath(Path.Combine(Root, "hls"));
        var real = LocalFile.RealPath(Path.Combine(Root, "hls", Path.Combine(parts)));
        if (hls is null || real is null || !real.StartsWith(hls + "/", StringComparison.Ordinal) || LocalFile.Stat(real).Kind != LocalFile.Kind.Regular)
            throw NotServed(relative);
        return real;
    }

    private static ShowRequestException NotServed(string relative) =>
        new(RequestFailure.NotFound, $"no HLS playlist or segment '{(relative.Length > 80 ? relative[..80] + "…" : relative)}'; expected NAME/master.m3u8 or NAME/HEIGHTp/index.m3u8 of a running hls: output", "path");

    /// <summary>
    /// The target to add: a URL as it is, a file path placed in the folder (a relative path is taken inside it).
    /// Throws a <see cref="ShowRequestException"/> naming the field when the target may not be added.
    /// </summary>
    public string Place(string target, bool overwrite, int outputCount)
    {
        if (outputCount >= maxOutputs)
            throw new ShowRequestException(RequestFailure.Conflict, $"there are already {outputCount} outputs, the most allowed (MAX_OUTPUTS={maxOutputs}); remove one first", "target");
        if (!Targets.TryCheck(target, out var isFile, out var problem)) throw new ShowRequestException(RequestFailure.Invalid, problem!, "target");
        if (!isFile) return target;
        var text = target.Trim();
        var path = Path.GetFullPath(Path.IsPathRooted(text) ? text : Path.Combine(Root, text));
        Directory.CreateDirectory(Root);
        var root = LocalFile.RealPath(Root)!;
        var parent = LocalFile.RealPath(Path.GetDirectoryName(path)!);
        if (parent is null || parent != root && !parent.StartsWith(root + "/", StringComparison.Ordinal))
            throw new ShowRequestException(RequestFailure.Invalid,
                $"target '{text}': files are written only inside the recordings folder {Root} (RECORDINGS_DIR); give a file name such as show.mp4", "target");
        var file = new FileInfo(Path.Combine(parent, Path.GetFileName(path)));
        if (file.LinkTarget is not null)
            throw new ShowRequestException(RequestFailure.Invalid, $"target '{text}' is a symbolic link; outputs do not write through links", "target");
        if (file.Exists && !overwrite)
            throw new ShowRequestException(RequestFailure.Conflict, $"target '{text}' already exists; choose another name, or send \"overwrite\": true to replace it", "target");
        if (file.Exists && LocalFile.Stat(file.FullName).Kind != LocalFile.Kind.Regular)
            throw new ShowRequestException(RequestFailure.Invalid, $"target '{text}' is not a regular file", "target");
        return file.FullName;
    }
}
