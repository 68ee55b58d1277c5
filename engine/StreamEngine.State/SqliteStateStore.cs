using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace StreamEngine.State;

/// <summary>
/// The embedded store: one SQLite file, <c>show.db</c>, in the data directory. WAL journal with <c>synchronous=FULL</c>,
/// so a write that completed is on disk and survives the process being killed (and, as far as the disk keeps its
/// promises, a power cut). One connection, used by one caller at a time.
/// </summary>
public sealed partial class SqliteStateStore : IStateStore
{
    public const string FileName = "show.db";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    private SqliteStateStore(SqliteConnection connection, string path, TimeProvider time)
    {
        _connection = connection;
        _time = time;
        Description = "sqlite:" + path;
    }

    public string Description { get; }

    /// <summary>Opens (creating when missing) <c>show.db</c> in <paramref name="dataDirectory"/>, which is created too.</summary>
    /// <exception cref="StoreUnavailableException">The directory cannot be created or the file is not a usable database.</exception>
    public static SqliteStateStore Open(string dataDirectory, ILogger<SqliteStateStore> logger, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            Directory.CreateDirectory(dataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"cannot create the data directory '{dataDirectory}' (--data): {e.Message}", e);
        }

        time ??= TimeProvider.System;
        SqliteConnection connection;
        try
        {
            connection = Connect(path);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            // A file that is not a database (or a damaged one) would stop every start; the engine starts with a new
            // one and the old file stays next to it for a person to look at.
            var aside = SetFileAside(path, time);
            logger.LogError("The state database {Path} is not readable ({Reason}); it was moved aside to {Aside} and a new one is started",
                path, e.Message, aside);
            try { connection = Connect(path); }
            catch (SqliteException again) { throw new StoreUnavailableException($"cannot open the state database '{path}': {again.Message}", again); }
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"cannot open the state database '{path}': {e.Message}", e);
        }
        logger.LogInformation("State store {Description} opened", "sqlite:" + path);
        return new SqliteStateStore(connection, path, time);
    }

    private const int SqliteCorrupt = 11, SqliteNotADatabase = 26;

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 2,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, SqliteSchema.Create);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string SetFileAside(string path, TimeProvider time)
    {
        var aside = $"{path}.corrupt-{time.GetUtcNow():yyyyMMddTHHmmssZ}";
        File.Move(path, aside, overwrite: true);
        foreach (var suffix in new[] { "-wal", "-shm" })
            if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix, overwrite: true);
        return aside;
    }

    public Task<ShowSnapshot?> LoadShowAsync(CancellationToken cancellationToken) =>
        RunAsync("load the show", cancellationToken, () =>
        {
            using var command = Command(SqliteSchema.LoadSnapshot);
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return null;
            try
            {
                var scene = JsonNode.Parse(reader.GetString(0)) as JsonObject
                    ?? throw new CorruptSnapshotException($"the saved scene in {Description} is not a JSON object");
                return new ShowSnapshot(scene, reader.GetInt64(1), reader.GetInt32(2),
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidCastException or OverflowException)
            {
                throw new CorruptSnapshotException($"the saved scene in {Description} cannot be read: {e.Message}", e);
            }
        });

    /// <summary>Moves the snapshot row into the table <c>show_snapshot_set_aside</c>, with the time and the reason.</summary>
    public Task<string> SetAsideShowAsync(string reason, CancellationToken cancellationToken) =>
        RunAsync("set the snapshot aside", cancellationToken, () =>
        {
            using var transaction = _connection.BeginTransaction();
            using (var command = Command(SqliteSchema.SetSnapshotAside, ("$reason", reason), ("$time", Format(_time.GetUtcNow()))))
            {
                command.Transaction = transaction;
                command.ExecuteNonQuery();
            }
            transaction.Commit();
            return $"table show_snapshot_set_aside of {Description["sqlite:".Length..]}";
        });

    public Task SaveShowAsync(ShowSnapshot show, CancellationToken cancellationToken) =>
        RunAsync("save the show", cancellationToken, () =>
        {
            using var command = Command(SqliteSchema.SaveSnapshot,
                ("$scene", show.Scene.ToJsonString()), ("$frame", show.Frame), ("$fps", show.Fps), ("$saved_at", Format(show.SavedAt)));
            return command.ExecuteNonQuery();
        });

    public Task AppendEventAsync(string stream, JsonObject entry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        return RunAsync($"append to stream '{stream}'", cancellationToken, () =>
        {
            using var command = Command(SqliteSchema.AppendEvent,
                ("$stream", stream), ("$json", entry.ToJsonString()), ("$time", Format(_time.GetUtcNow())));
            return command.ExecuteNonQuery();
        });
    }

    public Task<IReadOnlyList<JsonObject>> ReadEventsAsync(string stream, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        return RunAsync<IReadOnlyList<JsonObject>>($"read stream '{stream}'", cancellationToken, () =>
        {
            using var command = Command(SqliteSchema.ReadEvents, ("$stream", stream));
            using var reader = command.ExecuteReader();
            var entries = new List<JsonObject>();
            while (reader.Read())
                entries.Add(JsonNode.Parse(reader.GetString(0)) as JsonObject
                    ?? throw new StoreUnavailableException($"an entry of stream '{stream}' in {Description} is not a JSON object"));
            return entries;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try { await _connection.DisposeAsync(); }
        finally { _gate.Release(); }
    }

    // Microsoft.Data.Sqlite's async methods run synchronously anyway; one gate keeps the single connection to one caller.
    private async Task<T> RunAsync<T>(string what, CancellationToken cancellationToken, Func<T> operation)
    {
        await _gate.WaitAsync(cancellationToken);
        try { return operation(); }
        catch (SqliteException e) { throw new StoreUnavailableException($"{Description} could not {what}: {e.Message}", e); }
        catch (System.Text.Json.JsonException e) { throw new StoreUnavailableException($"{Description} holds invalid JSON; cannot {what}: {e.Message}", e); }
        catch (ObjectDisposedException e) { throw new StoreUnavailableException($"{Description} is closed; cannot {what}", e); }
        finally { _gate.Release(); }
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
