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
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"));

        foreach (var (file, command) in examples)
        {
            Assert.Matches("(?i)-H 'Content-Type: application/json'", command);
            var live = command.Replace("localhost:4200", $"localhost:{engine.Environment["PORT"]}") + " -s -o /dev/null -w '%{http_code}'";
            var run = await ProcessRunner.RunAsync("bash", ["-c", live], timeout: TimeSpan.FromSeconds(30));
            var status = int.Parse(run.Stdout.LastOrDefault() ?? "0");
            Assert.True(status is >= 200 and < 300, $"{file}: `{command}` answered {status}");
        }
    }

    public void Dispose() => _dir.Dispose();
}
