using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.TestFixtures;

namespace StreamEngine.State.Tests;

/// <summary>A store whose saved show cannot be used never stops a start: the bad part is moved aside, kept, and named in the log.</summary>
public sealed class SnapshotSetAsideTests : IDisposable
{
    private readonly TempDirectory _dir = new("se-aside");

    private string DataDirectory => _dir.File("data");

    private string DbPath => Path.Combine(DataDirectory, SqliteStateStore.FileName);

    [Fact]
    public async Task A_file_that_is_not_a_database_is_moved_aside_with_a_log_line_and_a_new_store_works()
    {
        Directory.CreateDirectory(DataDirectory);
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(DbPath, garbage);
        using var log = new LogCapture();

        await using (var store = SqliteStateStore.Open(DataDirectory, log.For<SqliteStateStore>()))
        {
            Assert.Null(await store.LoadShowAsync(CancellationToken.None));
            await store.SaveShowAsync(Shows.At(3), CancellationToken.None);
            Assert.Equal(3, (await store.LoadShowAsync(CancellationToken.None))!.Frame);
        }

        var aside = Assert.Single(Directory.GetFiles(DataDirectory, "show.db.corrupt-*"));
        Assert.Equal(garbage, await File.ReadAllBytesAsync(aside)); // kept as it was, for a person to look at
        Assert.Contains(log.Lines, l => l.StartsWith("Error:", StringComparison.Ordinal) && l.Contains(DbPath) && l.Contains(aside) && l.Contains("not a database"));
    }

    [Fact]
    public async Task A_snapshot_that_is_not_json_is_reported_as_corrupt_and_set_aside_into_its_own_table()
    {
        await using (var store = SqliteStateStore.Open(DataDirectory, NullLogger<SqliteStateStore>.Instance))
            await store.SaveShowAsync(Shows.At(5), CancellationToken.None);
        Execute("UPDATE show_snapshot SET scene = '{\"layers\": [garbage' WHERE id = 1");

        await using (var store = SqliteStateStore.Open(DataDirectory, NullLogger<SqliteStateStore>.Instance))
        {
            var error = await Assert.ThrowsAsync<CorruptSnapshotException>(() => store.LoadShowAsync(CancellationToken.None));
            Assert.Contains(DbPath, error.Message);

            var where = await store.SetAsideShowAsync("not JSON", CancellationToken.None);

            Assert.Contains("show_snapshot_set_aside", where);
            Assert.Null(await store.LoadShowAsync(CancellationToken.None));
            await store.SaveShowAsync(Shows.At(6), CancellationToken.None); // the show saves again as usual
        }
        Assert.Equal("not JSON|{\"layers\": [garbage", Query("SELECT reason || '|' || scene FROM show_snapshot_set_aside"));
    }

    private void Execute(string sql) => Query(sql);

    private string? Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    public void Dispose() => _dir.Dispose();
}
