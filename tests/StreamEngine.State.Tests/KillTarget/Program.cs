using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.State;

// Usage: StreamEngine.State.KillTarget <data directory>
// Saves a snapshot, then appends bids numbered 1, 2, 3 … to the stream "bids" forever, printing "acknowledged N"
// after each append completed. The test kills this process with SIGKILL and checks every acknowledged bid is on disk.
await using var store = SqliteStateStore.Open(args[0], NullLogger<SqliteStateStore>.Instance);
await store.SaveShowAsync(new ShowSnapshot(new JsonObject { ["title"] = "kill target" }, 42, 30, DateTimeOffset.UtcNow), CancellationToken.None);
Console.WriteLine("snapshot saved");
for (var n = 1; ; n++)
{
    await store.AppendEventAsync("bids", new JsonObject { ["n"] = n, ["amount"] = n * 10 }, CancellationToken.None);
    Console.WriteLine($"acknowledged {n}");
}
