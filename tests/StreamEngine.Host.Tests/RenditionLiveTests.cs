using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>Outputs with a rendition of their own, from the command line and over the API, checked by the one set of rules.</summary>
public sealed class RenditionLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("renditions");

    [Fact]
    public async Task Outputs_get_their_own_size_from_the_command_line_and_the_api_and_bad_renditions_are_refused_by_field()
    {
        var recordings = Directory.CreateDirectory(_dir.File("recordings")).FullName;
        var cli = _dir.File("cli.ts");
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), RepoPaths.Samples("hello", "scene.json"),
            Engine.Environment(("RECORDINGS_DIR", recordings)), "--output", cli + " size=160x90 kbps=150");

        foreach (var (rendition, field) in new (string, string)[]
        {
            ("""{"width": 161, "height": 90}""", "rendition.width"),
            ("""{"width": 640, "height": 360}""", "rendition.width"), // larger than the 320x180 show
            ("""{"width": 160, "height": 90, "fpsDivisor": 7}""", "rendition.fpsDivisor"),
            ("""{"width": 160, "height": 90, "videoBitrateKbps": 1e9}""", "rendition.videoBitrateKbps"),
            ("""{"width": 160, "height": 90, "videoCodec": "h265"}""", "rendition.videoCodec"),
            ("""{"width": 160, "height": 90, "scale": 2}""", "rendition.scale"),
            ("\"720p\"", "rendition"),
        })
        {
            var (status, problem) = await AddAsync(engine, $$"""{"target": "bad.ts", "rendition": {{rendition}}}""");
            Assert.True(status == 400 && problem?["field"]?.GetValue<string>() == field, $"{rendition}: {status} {problem}");
        }
        Assert.False(File.Exists(Path.Combine(recordings, "bad.ts")));

        var (created, _) = await AddAsync(engine, """{"target": "api.ts", "rendition": {"width": 160, "height": 90, "videoBitrateKbps": 150}}""");
        Assert.Equal(201, created);
        for (var i = 0; (await engine.Api.GetFromJsonAsync<JsonArray>("api/outputs"))!.Count(o => (string?)o!["state"] == "Live") < 3; i++)
        {
            Assert.True(i < 90, "the recording and both 160x90 outputs should go live");
            await Task.Delay(500);
        }
        await Task.Delay(TimeSpan.FromSeconds(6));
        var outputs = (await engine.Api.GetFromJsonAsync<JsonArray>("api/outputs"))!;
        var small = outputs.Where(o => o!["rendition"] is JsonObject).ToList();
        Assert.Equal(2, small.Count);
        Assert.All(small, o => Assert.Equal((160, 90), ((int)o!["rendition"]!["width"]!, (int)o["rendition"]!["height"]!)));
        Assert.All(outputs, o => Assert.True((double)o!["health"]!["fps"]! > 5, $"{o}"));
        var metrics = await new HttpClient().GetStringAsync(engine.Metrics);
        Assert.Contains($"streamengine_output_fps{{output=\"{small[1]!["id"]}\"}}", metrics);

        await engine.StopAsync();
        foreach (var file in new[] { cli, Path.Combine(recordings, "api.ts") })
        {
            var video = await Media.ProbeAsync(file);
            Assert.Equal((160, 90), (video.Width, video.Height));
        }
        Assert.Equal((320, 180), ((await Media.ProbeAsync(engine.Recording, countFrames: false)).Width, (await Media.ProbeAsync(engine.Recording, countFrames: false)).Height));
    }

    private static async Task<(int Status, JsonNode? Problem)> AddAsync(RunningEngine engine, string body)
    {
        var response = await engine.Api.PostAsync("api/outputs", RunningEngine.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : JsonNode.Parse(text));
    }

    public void Dispose() => _dir.Dispose();
}
