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
