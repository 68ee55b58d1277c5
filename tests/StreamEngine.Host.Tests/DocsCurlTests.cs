using System.Text.RegularExpressions;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The curl lines a user copies from README.md, docs/ and the example scripts work against a live engine as written.</summary>
public sealed partial class DocsCurlTests : IDisposable
{
    private readonly TempDirectory _dir = new("docs-curl");

    [GeneratedRegex(@"curl [^`\n]*?(?=`|\s{2,}#|$)", RegexOptions.Multiline)]
    private static partial Regex CurlCommand();

    private static IEnumerable<(string File, string Command)> Examples() =>
        new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Select(f => Path.GetRelativePath(RepoPaths.Root, f)))
            .Concat(["scripts/example.js", "scripts/example.csx"])
            .SelectMany(file => CurlCommand().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, file)))
                .Select(m => (file, m.Value.Trim()))
                .Where(e => e.Item2.Contains("localhost:4200/api/") && e.Item2.Contains(" -X ")));  // a GET reads, it changes nothing

    [Fact]
    public async Task Every_curl_example_that_changes_the_show_sends_json_and_is_accepted()
    {
        var examples = Examples().ToList();
        Assert.NotEmpty(examples);
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), HelloWithSound(), Engine.Environment());

        foreach (var (file, command) in examples)
        {
            Assert.Matches("(?i)-H 'Content-Type: application/json'", command);
            var live = command.Replace("localhost:4200", $"localhost:{engine.Environment["PORT"]}") + " -s -o /dev/null -w '%{http_code}'";
            var run = await ProcessRunner.RunAsync("bash", ["-c", live], timeout: TimeSpan.FromSeconds(30));
            var status = int.Parse(run.Stdout.LastOrDefault() ?? "0");
            Assert.True(status is >= 200 and < 300, $"{file}: `{command}` answered {status}");
        }
    }

    /// <summary>The hello sample with the channels docs/audio.md's examples change (a music channel and the effects).</summary>
    private string HelloWithSound()
    {
        var scene = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Samples("hello", "scene.json")))!.AsObject();
        scene["audio"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "channels": [ { "id": "music", "type": "silence" }, { "id": "fx", "type": "effects" } ] }""");
        File.Copy(RepoPaths.Samples("hello", "artwork.png"), _dir.File("artwork.png"));
        File.WriteAllText(_dir.File("scene.json"), scene.ToJsonString());
        return _dir.File("scene.json");
    }

    public void Dispose() => _dir.Dispose();
}
