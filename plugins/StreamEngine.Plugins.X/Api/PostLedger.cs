using System.Collections.Concurrent;

namespace StreamEngine.Plugins.X.Api;

/// <summary>
/// Which idempotency keys have been posted, and as which post. In memory by default; with a file (one
/// <c>key TAB post-id</c> line per post, appended and flushed to disk before the post counts as done) it survives a
/// restart, so a request retried after the engine came back does not post a second time.
/// </summary>
public sealed class PostLedger
{
    private readonly ConcurrentDictionary<string, string> _posted = new();
    private readonly string? _path;
    private readonly Lock _write = new();

    /// <param name="path">The ledger file, or null to keep it in memory only.</param>
    public PostLedger(string? path = null)
    {
        _path = path;
        if (path is null || !File.Exists(path)) return;
        foreach (var line in File.ReadLines(path))
        {
            // A torn last line (a crash mid-write) is ignored: its post was not acknowledged, and the check before a resend finds it.
            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length is > 0 and <= 19 && parts[1].All(char.IsAsciiDigit)) _posted[parts[0]] = parts[1];
        }
    }

    public int Count => _posted.Count;

    public string? Find(string key) => _posted.TryGetValue(key, out var id) ? id : null;

    /// <summary>Records a post; returns once it is on disk (when the ledger has a file).</summary>
    public string Record(string key, string postId)
    {
        if (key.Contains('\t') || key.Contains('\n')) throw new ArgumentException("An idempotency key has no tab or line break.", nameof(key));
        if (_path is not null)
        {
            lock (_write)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
                using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
                var bytes = System.Text.Encoding.UTF8.GetBytes($"{key}\t{postId}\n");
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }
        }
        _posted[key] = postId;
        return postId;
    }
}
