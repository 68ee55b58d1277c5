using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StreamEngine.TestFixtures;

namespace StreamEngine.State.Tests;

/// <summary>Redis with a password, Redis down, and Redis going away and coming back under a running StateWriter.</summary>
public sealed class RedisFailureTests
{
    private const string Secret = "s3cret-Pa55word";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly LogCapture _log = new();

    [Fact]
    public async Task Right_password_from_REDIS_PASSWORD_or_the_url_works()
    {
        using var redis = RedisServer.WithPassword(Secret);
        await using (var store = StateStore.Open(redis.Url, Secret, "unused", _log.Factory, "pw"))
            await store.SaveShowAsync(Shows.At(5), None);

        await using var viaUrl = StateStore.Open($"redis://:{Secret}@127.0.0.1:{redis.Port}/0", null, "unused", _log.Factory, "pw");
        Assert.Equal(5, (await viaUrl.LoadShowAsync(None))!.Frame);
        Assert.DoesNotContain(Secret, viaUrl.Description);
        AssertNoSecretLogged();
    }

    [Theory]
    [InlineData("wrong-password")]
    [InlineData(null)]
    public async Task Wrong_or_missing_password_is_a_clear_error_without_the_password(string? password)
    {
        using var redis = RedisServer.WithPassword(Secret);
        await using var store = StateStore.Open(redis.Url, password, "unused", _log.Factory, "pw");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SaveShowAsync(Shows.At(1), None));
        Assert.True(error.Message.Contains("REDIS_PASSWORD", StringComparison.Ordinal), error.ToString());
        Assert.Contains(password is null ? "requires a password" : "refused the credentials", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
        if (password is not null)
        {
            Assert.DoesNotContain(password, error.ToString());
            Assert.DoesNotContain(password, string.Join('\n', _log.Lines));
        }
        AssertNoSecretLogged();
    }

    [Fact]
    public async Task With_redis_down_every_call_fails_fast_with_StoreUnavailable()
    {
        var port = FreePort.Tcp(); // nothing listens here
        var clock = Stopwatch.StartNew();
        await using var store = StateStore.Open($"redis://127.0.0.1:{port}", Secret, "unused", _log.Factory, "down");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"connecting took {clock.Elapsed}");

        foreach (var call in new Func<Task>[]
        {
            () => store.LoadShowAsync(None), () => store.SaveShowAsync(Shows.At(1), None),
            () => store.AppendEventAsync("bids", new() { ["amount"] = 1 }, None), () => store.ReadEventsAsync("bids", None),
        })
        {
            clock.Restart();
            var error = await Assert.ThrowsAsync<StoreUnavailableException>(call);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"a call took {clock.Elapsed} to fail");
            Assert.Contains($"127.0.0.1:{port}", error.Message);
        }
        AssertNoSecretLogged();
    }

    [Fact]
    public async Task Writer_rides_out_a_redis_outage_and_saves_the_newest_scene_when_it_returns()
    {
        using var redis = RedisServer.WithPassword(Secret);
        await using var store = StateStore.Open(redis.Url, Secret, "unused", _log.Factory, "outage");
        await using var writer = new StateWriter(store, _log.For<StateWriter>());
        writer.SceneChanged(Shows.At(1));
        await Eventually.TrueAsync(() => writer.Counters.Saves == 1, "the first save");

        redis.Stop();
        var calls = Stopwatch.StartNew();
        for (var frame = 2; frame <= 200; frame++) writer.SceneChanged(Shows.At(frame));
        Assert.True(calls.Elapsed < TimeSpan.FromSeconds(1), $"199 SceneChanged calls took {calls.Elapsed} with Redis down");
        await Eventually.TrueAsync(() => writer.Health.Status == StateHealthStatus.Degraded, "Degraded health");
        var degraded = writer.Health;
        Assert.True(degraded.SnapshotPending);
        Assert.NotNull(degraded.Since);
        Assert.Contains("unreachable", degraded.Reason);
        for (var frame = 201; frame <= 300; frame++) writer.SceneChanged(Shows.At(frame));
        await Eventually.TrueAsync(() => writer.Counters.SaveFailures >= 3, "a few retries", TimeSpan.FromSeconds(20));

        redis.Start();
        await Eventually.TrueAsync(() => writer.Health.Status == StateHealthStatus.Healthy, "Healthy again", TimeSpan.FromSeconds(30));
        Assert.False(writer.Health.SnapshotPending);
        Assert.Equal(300, (await store.LoadShowAsync(None))!.Frame);
        Assert.Single(_log.Lines, l => l.StartsWith("Warning: State store unavailable", StringComparison.Ordinal));
        Assert.Contains(_log.Lines, l => l.StartsWith("Information: State store", StringComparison.Ordinal) && l.Contains("is back"));
        AssertNoSecretLogged();
    }

    private void AssertNoSecretLogged() => Assert.DoesNotContain(_log.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
}
