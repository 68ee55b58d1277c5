namespace StreamEngine.Plugins.X.Chat;

/// <summary>Where a chat source keeps the id of the newest reply it has passed on, so it resumes there after a restart.</summary>
public interface ICursorStore
{
    string? Load();

    void Save(string newestId);
}

/// <summary>A cursor in a file of its own under the engine's data directory, written atomically (temp file, then
/// rename) so a crash mid-write leaves the previous cursor.</summary>
public sealed class FileCursorStore(string path) : ICursorStore
{
    public string? Load()
    {
        var text = File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        return text is { Length: > 0 and <= 19 } && text.All(char.IsAsciiDigit) ? text : null;
    }

    public void Save(string newestId)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, newestId);
        File.Move(temp, path, overwrite: true);
    }
}
