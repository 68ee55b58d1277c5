using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using StreamEngine.Application;

namespace StreamEngine.Application.Tests;

/// <summary>A behaviour's records in a show without a state store (an offline render): kept for the run, read back in order, per stream.</summary>
public sealed class BehaviourRecordsTests
{
    [Fact]
    public async Task Without_a_store_a_behaviour_reads_back_what_it_recorded_during_the_render()
    {
        var memory = new ConcurrentDictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        var auction = new BehaviourRecords("auction", null, null, memory);
        var other = new BehaviourRecords("counter", null, null, memory);

        var bid = new JsonObject { ["amount"] = 120 };
        await auction.AppendAsync("bids", bid, CancellationToken.None);
        bid["amount"] = 999; // the record is what was appended, not the caller's object afterwards
        await auction.AppendAsync("bids", new JsonObject { ["amount"] = 150 }, CancellationToken.None);

        var read = await auction.ReadAsync("bids", CancellationToken.None);
        Assert.Equal([120, 150], read.Select(r => r["amount"]!.GetValue<int>()));
        Assert.Empty(await other.ReadAsync("bids", CancellationToken.None)); // another behaviour's streams are its own
        await Assert.ThrowsAsync<ArgumentException>(() => auction.AppendAsync("bids/../x", new JsonObject(), CancellationToken.None));
    }
}
