using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Chat;
using StreamEngine.Plugins;
using StreamEngine.TestFixtures;

namespace StreamEngine.Scripting.Tests;

/// <summary>Every JavaScript and C# block in docs/scripting.md loads and runs ten seconds of show, with chat, without an error.</summary>
public sealed partial class DocsExamplesTests
{
    [GeneratedRegex(@"^```(js|csx)\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    public static TheoryData<int, string, string> Blocks()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "scripting.md"));
        var data = new TheoryData<int, string, string>();
        var index = 0;
        foreach (Match block in CodeBlock().Matches(docs)) data.Add(++index, block.Groups[1].Value, block.Groups[2].Value);
        return data;
    }

    [Fact]
    public void The_guide_has_examples_in_both_languages()
    {
        var languages = Blocks().Select(row => (string)row[1]).ToList();
        Assert.True(languages.Count(l => l == "js") >= 5 && languages.Count(l => l == "csx") >= 2, string.Join(", ", languages));
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task An_example_from_the_guide_runs_without_errors(int index, string language, string source)
    {
        // The engine's own easings plugin, as built by ./stream-engine build; the host character is another plugin's type.
        if (!Directory.Exists(RepoPaths.BuiltPlugins))
            throw new InvalidOperationException($"{RepoPaths.BuiltPlugins} is missing: run ./stream-engine build (tests/run.sh does)");
        using var plugins = new PluginCatalog(NullLoggerFactory.Instance);
        plugins.LoadDirectory(RepoPaths.BuiltPlugins);
        using var rig = new ScriptRig(new ScriptLimits { CallMilliseconds = 2000, LoadMilliseconds = 10_000 }, plugins, layerTypes: [.. plugins.LayerTypeNames, "host"]);
        var name = $"example-{index}.{language}";
        var status = await rig.LoadAsync(name, source);
        Assert.True(status.LastError is null, status.LastError?.ToString());
        rig.Step();
        rig.Chat.Post(new ChatPost("api", "ana", "bid 2 ETH"));
        rig.Chat.Post(new ChatPost("api", "bo", "is it framed?"));
        rig.Step(300);
        status = rig.Status(name);
        Assert.True(status.State == ScriptState.Running && status.Errors == 0, $"{status.State}, {status.Errors} errors, last: {status.LastError}");
        Assert.DoesNotContain(rig.Log.Lines, l => l.StartsWith("Error"));
    }
}
