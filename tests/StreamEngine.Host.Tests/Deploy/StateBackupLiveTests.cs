using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests.Deploy;

/// <summary>
/// Backups with the real CLI: <c>state export</c> of a live show (scene and a behaviour's state and records, from the
/// fixture plugin's counter), scheduled SQLite online backups with retention, and a fresh engine that gets the show back
/// from an export or from a backup.
/// </summary>
public sealed class StateBackupLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("backup-live");

    [Fact]
    public async Task A_live_export_or_a_scheduled_backup_restored_into_a_fresh_engine_brings_the_show_back()
    {
        var scene = await ShowWithCounterAsync(_dir);
        var first = Data("first");
        await using (var engine = await RunningEngine.StartSceneAsync(_dir.File("a.ts"), scene,
            Env(first, ("BACKUP_INTERVAL", "1"), ("BACKUP_KEEP", "2"))))
        {
            Assert.Equal(HttpStatusCode.OK, (await engine.Api.PatchAsync("api/layers/lot", RunningEngine.Json("""{ "props": { "text": "Lot 7, sold to @mara" } }"""))).StatusCode);
            foreach (var amount in new[] { 5, 7 })
                Assert.Equal(HttpStatusCode.OK, (await engine.Api.PostAsync("api/behaviours/test.counter/add", RunningEngine.Json($$"""{ "amount": {{amount}} }"""))).StatusCode);

            // While the show runs: an export (a behaviour's state is in the snapshot the engine refreshes every 5 s; its
            // records are in the store as soon as the call is answered), and backups made after that (two kept of three).
            await Poll.UntilAsync(async () =>
            {
                var export = await Engine.RunAsync(["state", "export", _dir.File("show.json")], ("STREAM_ENGINE_DATA", first));
                Assert.True(export.ExitCode == 0, export.AllOutput);
                Assert.Contains("Exported the show at frame", export.AllOutput);
                return File.ReadAllText(_dir.File("show.json")).Contains("\"count\": 12") ? export : null;
            }, TimeSpan.FromSeconds(20), "export with the counter's state");
            var backups = engine.Process.Stderr.Concat(engine.Process.Stdout).Count(l => l.Contains("Backed up the show to"));
            await engine.Process.WaitForLineAsync(l => l.Contains("Backed up the show to"), TimeSpan.FromSeconds(30), skip: backups + 2);
            Assert.Equal(2, Directory.GetFiles(Path.Combine(first, "backups"), "show-*.db").Length);
            await engine.StopAsync();
            Assert.Equal(0, engine.Process.ExitCode);
        }
        var archive = JsonNode.Parse(File.ReadAllText(_dir.File("show.json")))!;
        Assert.Equal([5, 7], Adds(archive));
        Assert.Contains("Lot 7, sold to @mara", archive["snapshot"]!.ToJsonString());

        // A fresh engine with the export imported shows the lot and the counter where they were.
        var fromExport = Data("from-export");
        var imported = await Engine.RunAsync(["state", "import", _dir.File("show.json")], ("STREAM_ENGINE_DATA", fromExport));
        Assert.True(imported.ExitCode == 0, imported.AllOutput);
        await AssertShowIsBackAsync(scene, fromExport, "b.ts");

        // So does one restored from the newest scheduled backup.
        var fromBackup = Data("from-backup");
        var newest = Directory.GetFiles(Path.Combine(first, "backups"), "show-*.db").Order(StringComparer.Ordinal).Last();
        var restored = await Engine.RunAsync(["state", "import", newest], ("STREAM_ENGINE_DATA", fromBackup));
        Assert.True(restored.ExitCode == 0, restored.AllOutput);
        await AssertShowIsBackAsync(scene, fromBackup, "c.ts");
        var again = await Engine.RunAsync(["state", "export", _dir.File("again.json")], ("STREAM_ENGINE_DATA", fromBackup));
        Assert.True(again.ExitCode == 0, again.AllOutput);
        Assert.Equal([5, 7], Adds(JsonNode.Parse(File.ReadAllText(_dir.File("again.json")))!));
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_an_export_is_refused_naming_the_field_and_changes_nothing()
    {
        File.WriteAllText(_dir.File("other.json"), """{ "format": "something-else", "streams": {} }""");
        var data = Data("untouched");
        var refused = await Engine.RunAsync(["state", "import", _dir.File("other.json")], ("STREAM_ENGINE_DATA", data));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("$.format", refused.AllOutput);
        Assert.Contains("state export", refused.AllOutput);
        Assert.False(File.Exists(Path.Combine(data, "show.db")));
    }

    private async Task AssertShowIsBackAsync(string scene, string data, string recording)
    {
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File(recording), scene, Env(data));
        var lot = await engine.GetObjectAsync("api/layers/lot");
        Assert.Equal("Lot 7, sold to @mara", (string)lot["props"]!["text"]!);
        var counter = await engine.GetObjectAsync("api/behaviours/test.counter/count");
        Assert.Equal(12, (long)counter["count"]!);
        await engine.StopAsync();
    }

    /// <summary>A small show with a text layer, and the fixture plugin whose counter behaviour keeps state and records.</summary>
    internal static async Task<string> ShowWithCounterAsync(TempDirectory dir)
    {
        await ShowPluginBuild.BuildAsync("1.0.0", broken: false, Directory.CreateDirectory(dir.File("plugins/show")).FullName);
        CopyFolder(Path.Combine(RepoPaths.BuiltPlugins, "StreamEngine.Plugins.Layers"), dir.File("plugins/layers"));
        Directory.CreateDirectory(dir.File("show"));
        var scene = dir.File("show/scene.json");
        File.WriteAllText(scene, """
            { "size": "160x90", "fps": 30, "layers": [
              { "id": "lot", "type": "overlay.text", "zIndex": 1, "transform": { "x": 0, "y": 0, "width": 160, "height": 40 },
                "props": { "text": "Lot 7", "color": "#ffffff", "font": { "family": "sans", "size": 16 } } } ] }
            """);
        return scene;
    }

    internal static List<int> Adds(JsonNode archive) =>
        archive["streams"]!["behaviour:test.counter:adds"]!.AsArray().Select(e => (int)e!["entry"]!["amount"]!).ToList();

    private Dictionary<string, string?> Env(string data, params (string, string?)[] extra) =>
        Engine.Environment([("STREAM_ENGINE_PLUGINS", _dir.File("plugins")), ("STREAM_ENGINE_DATA", data), .. extra]);

    private string Data(string name) => Directory.CreateDirectory(_dir.File("data-" + name)).FullName;

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _dir.Dispose();
}
