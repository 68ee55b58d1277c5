using StreamEngine.TestFixtures;

namespace StreamEngine.State.Tests;

public sealed class StateStoreTests
{
    private readonly LogCapture _log = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Without_REDIS_URL_the_store_is_sqlite_in_the_data_directory(string? url)
    {
        using var dir = new TempDirectory("se-stores");
        await using var store = StateStore.Open(url, null, dir.File("data"), _log.Factory);

        Assert.IsType<SqliteStateStore>(store);
        Assert.True(File.Exists(dir.File("data/show.db")));
    }

    [Fact]
    public async Task With_REDIS_URL_the_store_is_redis()
    {
        using var redis = new RedisServer();
        await using var store = StateStore.Open(redis.Url + "/3", null, "unused", _log.Factory, "lobby");

        Assert.IsType<RedisStateStore>(store);
        Assert.Equal($"redis://127.0.0.1:{redis.Port}/3 show=lobby", store.Description);
    }

    [Theory]
    [InlineData("localhost:6379", "scheme")]
    [InlineData("not a url", "not a URL")]
    [InlineData("http://localhost:6379", "scheme")]
    [InlineData("redis://localhost:6379/sixteen", "database")]
    [InlineData("redis://:hunter2@localhost:6379/99", "database")]
    [InlineData("redis:///0", "host")]
    public void A_malformed_REDIS_URL_names_REDIS_URL_and_what_was_expected(string url, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => StateStore.Open(url, null, "unused", _log.Factory));

        Assert.StartsWith("REDIS_URL", error.Message);
        Assert.Contains(why, error.Message);
        Assert.Contains("redis://[:password@]host:port[/db]", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Theory]
    [InlineData("redis://cache:6380/2", null, "cache", 6380, 2, null, null, false)]
    [InlineData("redis://cache", null, "cache", 6379, 0, null, null, false)]
    [InlineData("rediss://:p%40ss@cache:6380", null, "cache", 6380, 0, null, "p@ss", true)]
    [InlineData("redis://engine:pw@cache:6379", null, "cache", 6379, 0, "engine", "pw", false)]
    [InlineData("redis://:in-url@cache:6379", "from-env", "cache", 6379, 0, null, "from-env", false)]
    [InlineData("redis://[::1]:7000", null, "::1", 7000, 0, null, null, false)]
    public void REDIS_URL_and_REDIS_PASSWORD_parse(string url, string? password, string host, int port, int db, string? user,
        string? expectedPassword, bool tls)
    {
        var location = RedisLocation.Parse(url, password);

        Assert.Equal(new RedisLocation(host, port, db, user, expectedPassword, tls), location);
        if (expectedPassword is not null) Assert.DoesNotContain(expectedPassword, location.ToString());
    }
}
