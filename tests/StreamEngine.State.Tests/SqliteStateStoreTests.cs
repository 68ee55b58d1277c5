using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.TestFixtures;

namespace StreamEngine.State.Tests;

public sealed class SqliteStateStoreTests : StateStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new("se-state");

    private string DataDirectory => _dir.File("data");

    protected override IStateStore Open() => SqliteStateStore.Open(DataDirectory, NullLogger<SqliteStateStore>.Instance);

    [Fact]
    public async Task Store_creates_its_data_directory_and_one_file_in_wal_mode()
    {
        await using (var store = Open())
        {
            Assert.Equal("sqlite:" + Path.Combine(DataDirectory, "show.db"), store.Description);
            await store.SaveShowAsync(Shows.At(1), CancellationToken.None);
        }

        Assert.True(File.Exists(Path.Combine(DataDirectory, "show.db")));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "show.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)command.ExecuteScalar());
    }

    [Fact]
    public void A_data_path_that_is_a_file_gives_an_error_naming_it()
    {
        File.WriteAllText(_dir.File("taken"), "not a directory");

        var error = Assert.Throws<StoreUnavailableException>(() =>
            SqliteStateStore.Open(_dir.File("taken"), NullLogger<SqliteStateStore>.Instance));
        Assert.Contains(_dir.File("taken"), error.Message);
        Assert.Contains("--data", error.Message);
    }

    [Fact]
    public async Task Acknowledged_events_survive_SIGKILL_of_the_writing_process()
    {
        var target = typeof(SqliteStateStoreTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "KillTarget").Value!;
        Assert.True(File.Exists(target), $"{target} not built");
        using var child = ProcessRunner.Start("dotnet", [target, DataDirectory]);

        // Kill it mid-stream, while it is appending as fast as it can.
        await child.WaitForLineAsync(l => l == "acknowledged 200", TimeSpan.FromSeconds(30));
        child.Signal(ProcessRunner.SigKill);
        await child.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(128 + ProcessRunner.SigKill, child.ExitCode);
        var acknowledged = child.Stdout.Where(l => l.StartsWith("acknowledged ", StringComparison.Ordinal))
            .Select(l => int.Parse(l["acknowledged ".Length..], System.Globalization.CultureInfo.InvariantCulture)).Max();

        await using var store = Open();
        var bids = await store.ReadEventsAsync("bids", CancellationToken.None);
        Assert.True(bids.Count >= acknowledged, $"{acknowledged} bids acknowledged, {bids.Count} on disk");
        Assert.Equal(Enumerable.Range(1, bids.Count), bids.Select(b => (int)b["n"]!));
        Assert.Equal(42, (await store.LoadShowAsync(CancellationToken.None))!.Frame);
    }

    public void Dispose() => _dir.Dispose();
}
