using StreamEngine.TestFixtures;

namespace StreamEngine.State.Tests;

/// <summary>The store contract against a real redis-server; each test is its own show on the shared server.</summary>
public sealed class RedisStateStoreTests(RedisServer redis) : StateStoreContract, IClassFixture<RedisServer>
{
    private readonly string _show = "contract-" + Guid.NewGuid().ToString("N")[..8];
    private readonly LogCapture _log = new();

    protected override IStateStore Open() => StateStore.Open(redis.Url, null, "unused", _log.Factory, _show);

    [Fact]
    public async Task Shows_sharing_a_redis_do_not_see_each_other()
    {
        await using var evening = StateStore.Open(redis.Url, null, "unused", _log.Factory, "evening");
        await using var morning = StateStore.Open(redis.Url, null, "unused", _log.Factory, "morning");
        await evening.SaveShowAsync(Shows.At(10, "evening"), CancellationToken.None);
        await evening.AppendEventAsync("bids", new() { ["amount"] = 1 }, CancellationToken.None);

        Assert.Null(await morning.LoadShowAsync(CancellationToken.None));
        Assert.Empty(await morning.ReadEventsAsync("bids", CancellationToken.None));
        Assert.Equal(10, (await evening.LoadShowAsync(CancellationToken.None))!.Frame);
        Assert.Equal($"redis://127.0.0.1:{redis.Port}/0 show=evening", evening.Description);
    }
}
