using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace StreamEngine.State;

/// <summary>Export and import of the whole SQLite store, and reading a backup file made by <see cref="SqliteBackups"/>.</summary>
public sealed partial class SqliteStateStore : IArchivableStore
{
    // A deferred transaction in WAL mode reads one consistent version of the file while the live engine keeps writing.
    public Task<StateArchive> ExportAsync(CancellationToken cancellationToken) =>
        RunAsync("export the show", cancellationToken, () => Export(_connection, Description));

    public Task ImportAsync(StateArchive archive, CancellationToken cancellationToken) =>
        RunAsync("import the show", cancellationToken, () =>
        {
            using var transaction = _connection.BeginTransaction();
            Run(transaction, "DELETE FROM show_snapshot; DELETE FROM event_streams;");
            if (archive.Show is { } show)
                Run(transaction, SqliteSchema.SaveSnapshot, ("$scene", show.Scene.ToJsonString()), ("$frame", show.Frame), ("$fps", show.Fps),
                    ("$saved_at", StateArchive.Text(show.SavedAt)));
            foreach (var (stream, entries) in archive.Streams)
                for (var i = 0; i < entries.Count; i++)
                    Run(transaction, "INSERT INTO event_streams (stream, seq, json, time) VALUES ($stream, $seq, $json, $time)",
                        ("$stream", stream), ("$seq", i + 1), ("$json", entries[i].Entry.ToJsonString()), ("$time", StateArchive.Text(entries[i].Time)));
            transaction.Commit();
            return 0;
        });

    /// <summary>Reads a SQLite state file (a backup, or another data directory's <c>show.db</c>) without changing it.</summary>
    /// <exception cref="StoreUnavailableException">It is not a state database; the message says why.</exception>
    public static StateArchive ReadFile(string path)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
                { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            return Export(connection, "sqlite:" + path);
        }
        catch (SqliteException e) { throw new StoreUnavailableException($"'{path}' is not a StreamEngine state database: {e.Message}", e); }
    }

    private static StateArchive Export(SqliteConnection connection, string description)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        ShowSnapshot? show = null;
        using (var command = Query(connection, transaction, SqliteSchema.LoadSnapshot))
        using (var reader = command.ExecuteReader())
            if (reader.Read())
                show = new ShowSnapshot(Object(reader.GetString(0), description), reader.GetInt64(1), reader.GetInt32(2), Time(reader.GetString(3)));
        var streams = new Dictionary<string, List<ArchivedEvent>>(StringComparer.Ordinal);
        using (var command = Query(connection, transaction, "SELECT stream, json, time FROM event_streams ORDER BY stream, seq"))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                if (!streams.TryGetValue(reader.GetString(0), out var list)) streams[reader.GetString(0)] = list = [];
                list.Add(new ArchivedEvent(Object(reader.GetString(1), description), Time(reader.GetString(2))));
            }
        transaction.Commit();
        return new StateArchive(show, streams.ToDictionary(s => s.Key, s => (IReadOnlyList<ArchivedEvent>)s.Value, StringComparer.Ordinal));
    }

    private void Run(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Query(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static JsonObject Object(string json, string description) =>
        JsonNode.Parse(json) as JsonObject ?? throw new StoreUnavailableException($"{description} holds a value that is not a JSON object");

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
