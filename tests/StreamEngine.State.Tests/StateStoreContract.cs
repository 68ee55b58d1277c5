using System.Text.Json.Nodes;

namespace StreamEngine.State.Tests;

/// <summary>What every state store must do; one subclass per store runs these against the real thing.</summary>
public abstract class StateStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Opens the store under test; every call in one test opens the same data (same file, same Redis and show).</summary>
    protected abstract IStateStore Open();

    [Fact]
    public async Task Load_before_any_save_is_null()
    {
        await using var store = Open();
        Assert.Null(await store.LoadShowAsync(None));
    }

    [Fact]
    public async Task Saved_show_loads_back_with_its_nested_scene()
    {
        var saved = Shows.At(frame: 900);
        await using (var store = Open()) await store.SaveShowAsync(saved, None);

        await using var reopened = Open();
        var loaded = await reopened.LoadShowAsync(None);
        Assert.NotNull(loaded);
        Assert.True(JsonNode.DeepEquals(saved.Scene, loaded.Scene), loaded.Scene.ToJsonString());
        Assert.Equal((900, 30, saved.SavedAt), (loaded.Frame, loaded.Fps, loaded.SavedAt));
        Assert.Equal("ünïcødé \"quoted\"", (string?)loaded.Scene["scripts"]!["auction"]!["bidder"]);
    }

    [Fact]
    public async Task A_snapshot_set_aside_is_no_longer_loaded_and_the_next_save_works()
    {
        await using (var store = Open())
        {
            await store.SaveShowAsync(Shows.At(7), None);
            var where = await store.SetAsideShowAsync("$.layers[0].transform.width: out of bounds", None);
            Assert.Contains("set", where); // a table or key named for it: show_snapshot_set_aside, …:snapshot:set-aside:TIME
            Assert.Null(await store.LoadShowAsync(None));
        }
        await using var reopened = Open();
        Assert.Null(await reopened.LoadShowAsync(None));
        await reopened.SaveShowAsync(Shows.At(8), None);
        Assert.Equal(8, (await reopened.LoadShowAsync(None))!.Frame);
    }

    [Fact]
    public async Task A_save_replaces_the_previous_snapshot()
    {
        await using var store = Open();
        await store.SaveShowAsync(Shows.At(1, "first"), None);
        await store.SaveShowAsync(Shows.At(2, "second"), None);

        var loaded = await store.LoadShowAsync(None);
        Assert.Equal(2, loaded!.Frame);
        Assert.Equal("second", (string?)loaded.Scene["layers"]![0]!["text"]);
    }

    [Fact]
    public async Task Appended_events_read_back_in_order()
    {
        await using (var store = Open())
            for (var n = 1; n <= 50; n++)
                await store.AppendEventAsync("bids", new JsonObject { ["n"] = n, ["bidder"] = $"viewer{n % 7}" }, None);

        await using var reopened = Open();
        var bids = await reopened.ReadEventsAsync("bids", None);
        Assert.Equal(Enumerable.Range(1, 50), bids.Select(b => (int)b["n"]!));
        Assert.Equal("viewer3", (string?)bids[2]["bidder"]);
    }

    [Fact]
    public async Task Streams_are_separate()
    {
        await using var store = Open();
        await store.AppendEventAsync("bids", new JsonObject { ["amount"] = 100 }, None);
        await store.AppendEventAsync("sales", new JsonObject { ["lot"] = 7 }, None);
        await store.AppendEventAsync("bids", new JsonObject { ["amount"] = 110 }, None);

        Assert.Equal(new[] { 100, 110 }, (await store.ReadEventsAsync("bids", None)).Select(b => (int)b["amount"]!));
        Assert.Equal(new[] { 7 }, (await store.ReadEventsAsync("sales", None)).Select(s => (int)s["lot"]!));
        Assert.Empty(await store.ReadEventsAsync("chat", None));
    }

    [Fact]
    public async Task Snapshot_and_events_do_not_disturb_each_other()
    {
        await using var store = Open();
        await store.AppendEventAsync("bids", new JsonObject { ["amount"] = 5 }, None);
        await store.SaveShowAsync(Shows.At(3), None);
        await store.AppendEventAsync("bids", new JsonObject { ["amount"] = 6 }, None);

        Assert.Equal(3, (await store.LoadShowAsync(None))!.Frame);
        Assert.Equal(2, (await store.ReadEventsAsync("bids", None)).Count);
    }
}
