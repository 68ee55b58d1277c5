using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StreamEngine.State;

/// <summary>
/// Copies of the live SQLite store made with SQLite's online backup API (consistent while the show writes), named
/// <c>show-TIME.db</c> in a folder, keeping the newest N. A copy is a complete state database: <c>state import</c>
/// reads it, or it can be put in place of <c>show.db</c>.
/// </summary>
public static class SqliteBackups
{
    public const string Prefix = "show-";

    /// <summary>Backs up <c>show.db</c> of <paramref name="dataDirectory"/> into <paramref name="folder"/>, then removes all but the newest <paramref name="keep"/>; returns the new file.</summary>
    /// <exception cref="StoreUnavailableException">The store or the folder cannot be read or written; the message says which.</exception>
    public static string Backup(string dataDirectory, string folder, int keep, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var source = Path.Combine(dataDirectory, SqliteStateStore.FileName);
        var target = Path.Combine(folder, $"{Prefix}{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}.db");
        try
        {
            Directory.CreateDirectory(folder);
            using var from = Open(source, SqliteOpenMode.ReadOnly);
            using var to = Open(target + ".part", SqliteOpenMode.ReadWriteCreate);
            from.BackupDatabase(to);
            to.Close();
            // Only a complete copy gets its final name, so a crash mid-backup never leaves a file that looks like a backup.
            File.Move(target + ".part", target, overwrite: true);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"could not back up '{source}' into '{folder}': {e.Message}", e);
        }
        foreach (var old in List(folder).Skip(keep)) File.Delete(old);
        return target;
    }

    /// <summary>The backups in a folder, newest first.</summary>
    public static IReadOnlyList<string> List(string folder) => Directory.Exists(folder)
        ? [.. Directory.GetFiles(folder, Prefix + "*.db").OrderByDescending(Path.GetFileName, StringComparer.Ordinal)]
        : [];

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
