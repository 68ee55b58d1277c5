using System.Net;
using Microsoft.Data.Sqlite;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A saved show that is corrupt or breaks the rules never stops a start (no crash loop under a supervisor): it is moved
/// aside with a log line naming the store and the reason, and the show starts from its scene file.
/// </summary>
public sealed class SnapshotRecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new("snapshot-recovery");

    private string Scene()
    {
        var path = _dir.File("scene.json");
        File.WriteAllText(path, """
            { "size": "320x180", "fps": 30, "layers": [
                { "id": "bg", "type": "background", "props": { "color": "#000000" } },
                { "id": "box", "type": "shape", "zIndex": 1, "transform": { "x": 0, "y": 0, "width": 40, "height": 40 }, "props": { "fill": "#ffffff" } } ] }
            """);
        return path;
    }

    private static string Database(Dictionary<string, string?> env) => Path.Combine(env["STREAM_ENGINE_DATA"]!, "show.db");

    /// <summary>Runs the show once and changes the box over the API, so the store holds a saved show of this scene.</summary>
    private async Task SaveAShowAsync(string scene, Dictionary<string, string?> env)
    {
        await using var first = await RunningEngine.StartSceneAsync(_dir.File("first.ts"), scene, env);
        var patched = await first.Api.PatchAsync("api/layers/box", RunningEngine.Json("""{ "transform": { "x": 200 } }"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await first.StopAsync();
    }

    private static void Sql(Dictionary<string, string?> env, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database(env)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    [Theory]
    [InlineData("UPDATE show_snapshot SET scene = json_set(scene, '$.layers[1].transform.width', 1e9)", "$.layers[1].transform.width")]
    [InlineData("UPDATE show_snapshot SET scene = json_set(scene, '$.layers[1].transform.opacity', 7)", "$.layers[1].transform.opacity")]
    [InlineData("UPDATE show_snapshot SET scene = '{\"layers\": [{\"id\": '", "cannot be read")]
    public async Task A_saved_show_that_fails_validation_or_is_corrupt_is_moved_aside_and_the_show_starts_from_its_scene_file(string corrupt, string reason)
    {
        var scene = Scene();
        var env = Engine.Environment();
        await SaveAShowAsync(scene, env);
        Sql(env, corrupt);

        await using var second = await RunningEngine.StartSceneAsync(_dir.File("second.ts"), scene, env);

        var line = Assert.Single(second.Process.Stderr, l => l.Contains("moved aside"));
        Assert.Contains(Database(env), line);
        Assert.Contains(reason, line);
        Assert.Contains("show_snapshot_set_aside", line);
        Assert.DoesNotContain(second.Process.Stderr, l => l.Contains("Restoring the show"));
        var box = await second.GetObjectAsync("api/layers/box");
        Assert.Equal(0, box["transform"]!["x"]!.GetValue<double>()); // as in the scene file
        Assert.Equal(40, box["transform"]!["width"]!.GetValue<double>());
        await second.StopAsync();

        // What the show saves from now on is restored again as usual.
        await using var third = await RunningEngine.StartSceneAsync(_dir.File("third.ts"), scene, env);
        Assert.Contains(third.Process.Stderr, l => l.Contains("Restoring the show"));
        Assert.DoesNotContain(third.Process.Stderr, l => l.Contains("moved aside"));
    }

    [Fact]
    public async Task A_state_file_that_is_not_a_database_is_moved_aside_and_the_show_starts()
    {
        var scene = Scene();
        var env = Engine.Environment();
        Directory.CreateDirectory(env["STREAM_ENGINE_DATA"]!);
        await File.WriteAllTextAsync(Database(env), new string('x', 10_000));

        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("garbage.ts"), scene, env);

        var line = Assert.Single(engine.Process.Stderr, l => l.Contains("moved aside"));
        Assert.Contains(Database(env), line);
        Assert.Single(Directory.GetFiles(env["STREAM_ENGINE_DATA"]!, "show.db.corrupt-*"));
        Assert.Equal(40, (await engine.GetObjectAsync("api/layers/box"))["transform"]!["width"]!.GetValue<double>());
    }

    public void Dispose() => _dir.Dispose();
}
