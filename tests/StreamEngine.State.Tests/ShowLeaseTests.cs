using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.State.Tests;

/// <summary>The show's lease and fenced writes against a real redis-server: two engines of one show, as failover runs them.</summary>
public sealed class ShowLeaseTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private readonly string _show = "lease-" + Guid.NewGuid().ToString("N")[..8];
    private readonly LogCapture _log = new();

    private RedisStateStore Open() => (RedisStateStore)StateStore.Open(redis.Url, null, "unused", _log.Factory, _show);

    [Fact]
    public async Task Only_one_engine_holds_the_lease_and_the_standby_takes_it_with_a_larger_token_once_it_expires()
    {
        await using var a = Open();
        await using var b = Open();
        var leaseA = a.Lease("a", TimeSpan.FromMilliseconds(300));
        var leaseB = b.Lease("b", TimeSpan.FromMilliseconds(300));
        Assert.True(await leaseA.TryTakeAsync());
        Assert.False(await leaseB.TryTakeAsync());
        Assert.Equal($"a|{leaseA.Token}", leaseB.Holder);
        Assert.True(await leaseA.RenewAsync());

        await Task.Delay(600); // a stopped renewing (killed, paused, cut off)
        Assert.True(await leaseB.TryTakeAsync());
        Assert.True(leaseB.Token > leaseA.Token);
        Assert.False(await leaseA.RenewAsync()); // a comes back: the lease is not its any more
        Assert.True(await leaseB.RenewAsync());
    }

    [Fact]
    public async Task A_former_active_engine_cannot_write_the_show_once_a_standby_took_it_over()
    {
        await using var a = Open();
        await using var b = Open();
        var leaseA = a.Lease("a", TimeSpan.FromMilliseconds(300));
        Assert.True(await leaseA.TryTakeAsync());
        a.FencingToken = leaseA.Token;
        await a.SaveShowAsync(Shows.At(10, "a's lot"), CancellationToken.None);
        await a.AppendEventAsync("bids", new JsonObject { ["amount"] = 1 }, CancellationToken.None);

        await Task.Delay(600);
        var leaseB = b.Lease("b", TimeSpan.FromSeconds(5));
        Assert.True(await leaseB.TryTakeAsync());
        b.FencingToken = leaseB.Token;
        await b.SaveShowAsync(Shows.At(20, "b's lot"), CancellationToken.None);

        // a was only partitioned: its writes reach Redis but are refused, naming the fencing.
        var save = await Assert.ThrowsAsync<StoreUnavailableException>(() => a.SaveShowAsync(Shows.At(30, "stale"), CancellationToken.None));
        Assert.Contains("FENCED", save.Message);
        var append = await Assert.ThrowsAsync<StoreUnavailableException>(() => a.AppendEventAsync("bids", new JsonObject { ["amount"] = 99 }, CancellationToken.None));
        Assert.Contains("FENCED", append.Message);

        await b.AppendEventAsync("bids", new JsonObject { ["amount"] = 2 }, CancellationToken.None);
        Assert.Equal(20, (await b.LoadShowAsync(CancellationToken.None))!.Frame);
        Assert.Equal([1, 2], (await b.ReadEventsAsync("bids", CancellationToken.None)).Select(e => (int)e["amount"]!));
    }

    [Fact]
    public async Task A_former_active_engine_cannot_set_the_shows_snapshot_aside_once_a_standby_took_it_over()
    {
        await using var a = Open();
        await using var b = Open();
        var leaseA = a.Lease("a", TimeSpan.FromMilliseconds(300));
        Assert.True(await leaseA.TryTakeAsync());
        a.FencingToken = leaseA.Token;
        await Task.Delay(600);
        var leaseB = b.Lease("b", TimeSpan.FromSeconds(5));
        Assert.True(await leaseB.TryTakeAsync());
        b.FencingToken = leaseB.Token;
        await b.SaveShowAsync(Shows.At(20, "b's lot"), CancellationToken.None);

        // a, cut off while it found the snapshot invalid, comes back: the rename is refused and b's show stays in place.
        var aside = await Assert.ThrowsAsync<StoreUnavailableException>(() => a.SetAsideShowAsync("invalid", CancellationToken.None));
        Assert.Contains("FENCED", aside.Message);
        Assert.Equal(20, (await b.LoadShowAsync(CancellationToken.None))!.Frame);

        // The holder of the lease still sets it aside (a corrupt snapshot never stops its start).
        Assert.Contains("snapshot:set-aside:", await b.SetAsideShowAsync("invalid", CancellationToken.None));
        Assert.Null(await b.LoadShowAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Export_and_import_carry_a_shows_snapshot_and_streams_between_redis_shows()
    {
        await using var a = Open();
        // Opened first: its connection comes up (or retries in the background) while a is written and exported.
        await using var b = (RedisStateStore)StateStore.Open(redis.Url, null, "unused", _log.Factory, _show + "-copy");
        await a.SaveShowAsync(Shows.At(42, "exported"), CancellationToken.None);
        await a.AppendEventAsync("behaviour:auction:bids", new JsonObject { ["amount"] = 5 }, CancellationToken.None);
        await a.AppendEventAsync("behaviour:auction:bids", new JsonObject { ["amount"] = 7 }, CancellationToken.None);
        var archive = StateArchive.FromJson(JsonNode.Parse((await a.ExportAsync(CancellationToken.None)).ToJson(DateTimeOffset.UtcNow, a.Description).ToJsonString()));

        await b.AppendEventAsync("leftover", new JsonObject { ["x"] = 1 }, CancellationToken.None);
        await b.ImportAsync(archive, CancellationToken.None);
        Assert.Equal(42, (await b.LoadShowAsync(CancellationToken.None))!.Frame);
        Assert.Equal([5, 7], (await b.ReadEventsAsync("behaviour:auction:bids", CancellationToken.None)).Select(e => (int)e["amount"]!));
        Assert.Empty(await b.ReadEventsAsync("leftover", CancellationToken.None));
    }
}
