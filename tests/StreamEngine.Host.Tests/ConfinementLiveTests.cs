using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>What a request may reach on the engine's machine: asset files only in the show's folders, output files only in the recordings folder.</summary>
public sealed class ConfinementLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("confine");

    [Fact]
    public async Task An_image_from_dev_zero_or_outside_the_show_is_refused_with_a_reason_and_memory_stays_flat()
    {
        // /dev as an asset root (a careless setting) still never reads a device: only regular files are.
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"), "hello", ("ASSET_ROOTS", "/dev"));
        var before = ResidentBytes(engine.Process.Id);

        foreach (var (id, src) in new[] { ("zero", "/dev/zero"), ("outside", "/etc/hostname"), ("escape", "../../../../../../etc/hostname") })
        {
            var created = await engine.Api.PostAsync("api/layers", RunningEngine.Json($$"""
                { "id": "{{id}}", "type": "image", "zIndex": 5, "transform": { "x": 0, "y": 0, "width": 80, "height": 60 }, "props": { "src": "{{src}}" } }
                """));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        await engine.Process.WaitForLineAsync(l => l.Contains("Layer zero cannot render") && l.Contains("'/dev/zero' is not a regular file"), TimeSpan.FromSeconds(20));
        await engine.Process.WaitForLineAsync(l => l.Contains("Layer outside cannot render") && l.Contains("is outside the show's folder"), TimeSpan.FromSeconds(20));
        await engine.Process.WaitForLineAsync(l => l.Contains("Layer escape cannot render") && l.Contains("is outside the show's folder"), TimeSpan.FromSeconds(20));

        // Before, /dev/zero was read until memory passed 4 GB within 12 s; now nothing is read and the show goes on.
        var frames = await FramesAsync(engine);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var grown = ResidentBytes(engine.Process.Id) - before;
        Assert.True(grown < 300L << 20, $"the engine's memory grew by {grown >> 20} MB");
        Assert.True(await FramesAsync(engine) > frames + 60, "the show should go on delivering frames");
    }

    [Fact]
    public async Task An_api_output_writes_only_in_the_recordings_folder_never_over_an_existing_file_and_only_up_to_the_limit()
    {
        var recordings = Directory.CreateDirectory(_dir.File("recordings")).FullName;
        var existing = Path.Combine(recordings, "earlier.ts");
        await File.WriteAllTextAsync(existing, "an earlier recording");
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"), "hello", ("RECORDINGS_DIR", recordings), ("MAX_OUTPUTS", "3"), ("KEYFRAME_INTERVAL", "0.5"));

        var (status, problem) = await AddAsync(engine, new JsonObject { ["target"] = existing });
        Assert.Equal((409, "target"), (status, Field(problem)));
        Assert.Contains("already exists", Detail(problem));
        Assert.Equal(409, (await AddAsync(engine, new JsonObject { ["target"] = "earlier.ts" })).Status);
        foreach (var outside in new[] { _dir.File("outside.ts"), "../outside.ts", "/etc/cron.d/x.ts" })
        {
            (status, problem) = await AddAsync(engine, new JsonObject { ["target"] = outside });
            Assert.True(status == 400 && Detail(problem).Contains("only inside the recordings folder"), $"{outside}: {status} {problem}");
        }
        Assert.False(File.Exists(_dir.File("outside.ts")));

        Assert.Equal(201, (await AddAsync(engine, new JsonObject { ["target"] = "clip.ts" })).Status);
        Assert.Equal(201, (await AddAsync(engine, new JsonObject { ["target"] = existing, ["overwrite"] = true })).Status);
        (status, problem) = await AddAsync(engine, new JsonObject { ["target"] = "one-more.ts" });
        Assert.Equal(409, status);
        Assert.Contains("MAX_OUTPUTS=3", Detail(problem));

        await Task.Delay(TimeSpan.FromSeconds(3));
        await engine.StopAsync();
        Assert.True((await Media.ProbeAsync(Path.Combine(recordings, "clip.ts"))).Frames > 0);
        Assert.True((await Media.ProbeAsync(existing)).Frames > 0, "asked to overwrite, the earlier file is replaced by the stream");
    }

    private static async Task<(int Status, JsonNode? Problem)> AddAsync(RunningEngine engine, JsonObject body)
    {
        var response = await engine.Api.PostAsync("api/outputs", RunningEngine.Json(body.ToJsonString()));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : JsonNode.Parse(text));
    }

    private static string? Field(JsonNode? problem) => problem?["field"]?.GetValue<string>();

    private static string Detail(JsonNode? problem) => problem?["detail"]?.GetValue<string>() ?? "";

    private static async Task<long> FramesAsync(RunningEngine engine) => (await engine.GetObjectAsync("api/stats"))["frames"]!.GetValue<long>();

    /// <summary>The process's resident memory (VmRSS), as the system sees it.</summary>
    internal static long ResidentBytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    public void Dispose() => _dir.Dispose();
}
