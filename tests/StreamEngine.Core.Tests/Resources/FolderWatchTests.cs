using Microsoft.Extensions.Time.Testing;
using StreamEngine.Core.Resources;
using StreamEngine.TestFixtures;

namespace StreamEngine.Core.Tests.Resources;

/// <summary>The engine's one file watcher: a file saved several times is reported once, after its changes settle; other files are not.</summary>
public sealed class FolderWatchTests : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _folder = new("watched");
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _reported = [];

    [Fact]
    public async Task A_file_saved_three_times_is_reported_once_after_it_settles()
    {
        var script = _folder.File("show.js");
        using var watch = new FolderWatch(_folder.Root, Settle, path => path.EndsWith(".js", StringComparison.Ordinal) ? path : null, Report, time: _time);
        for (var i = 0; i < 3; i++) await File.WriteAllTextAsync(script, $"// save {i}");
        await File.WriteAllTextAsync(_folder.File("notes.txt"), "not a script");
        await WaitUntil(() => watch.Pending == 1);

        _time.Advance(Settle - TimeSpan.FromMilliseconds(1));
        Assert.Empty(Reported());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([Path.GetFullPath(script)], Reported());
        Assert.Equal(0, watch.Pending);
    }

    [Fact]
    public async Task Nothing_is_reported_after_the_watch_is_disposed()
    {
        var watch = new FolderWatch(_folder.Root, Settle, path => path, Report, time: _time);
        await File.WriteAllTextAsync(_folder.File("art.png"), "x");
        await WaitUntil(() => watch.Pending >= 1);
        watch.Dispose();
        _time.Advance(Settle * 2);
        Assert.Empty(Reported());
    }

    private void Report(string key) { lock (_reported) _reported.Add(key); }

    private List<string> Reported() { lock (_reported) return [.. _reported]; }

    /// <summary>The operating system delivers file events on its own thread; waits for them (not a timed assertion: no upper bound is checked).</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the file events did not arrive within 5 s");
        await Task.Delay(100); // the rest of one save's events, if any, arrive and restart the settle period
    }

    public void Dispose() => _folder.Dispose();
}
