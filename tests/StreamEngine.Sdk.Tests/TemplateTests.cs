using StreamEngine.TestFixtures;

namespace StreamEngine.Sdk.Tests;

/// <summary>
/// `dotnet new streamengine-plugin` from the packed template, for each kind: the project it makes restores from the
/// packed SDK (a local package folder, nothing else new), builds, and its own test passes. The sample plugin
/// (samples/custom-layer-plugin) is built and tested the same way, in the same build: from the packages alone.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private readonly TempDirectory _dir = new("sdk-template");

    [Fact]
    public async Task The_template_makes_a_plugin_of_each_kind_that_builds_and_passes_its_test_and_so_does_the_sample()
    {
        using var packages = await SdkPackages.PackAsync();
        var hive = _dir.File("hive"); // a template store of its own: the user's installed templates stay as they are
        await RunAsync("dotnet", "new", "install", Path.Combine(packages.Folder, $"StreamEngine.Templates.{packages.Version}.nupkg"), "--debug:custom-hive", hive);

        string[] kinds = ["layer", "chat-source", "behaviour"];
        foreach (var kind in kinds)
            await RunAsync("dotnet", "new", "streamengine-plugin", "-n", $"Acme.{Pascal(kind)}", "-o", _dir.File(kind), "--kind", kind,
                "--sdk-source", packages.Folder, "--sdk-version", packages.Version, "--debug:custom-hive", hive);

        // One build of the three plugins and their tests (a solution restores them together from its nuget.config).
        packages.WriteNugetConfig(_dir.Root);
        await RunAsync("dotnet", "new", "sln", "-n", "plugins", "-o", _dir.Root, "--format", "sln");
        CopySample(_dir.File("sample"));
        var projects = kinds.Append("sample").SelectMany(kind => Directory.EnumerateFiles(_dir.File(kind), "*.csproj", SearchOption.AllDirectories)).ToList();
        Assert.Equal(8, projects.Count);
        await RunAsync("dotnet", ["sln", _dir.File("plugins.sln"), "add", .. projects]);
        var test = await RunAsync("dotnet", "test", _dir.File("plugins.sln"), "-m:1", "-nologo", $"-p:StreamEngineSdkVersion={packages.Version}");

        foreach (var tests in kinds.Select(kind => $"Acme.{Pascal(kind)}.Tests.dll").Append("AuctionCountdown.Tests.dll"))
            Assert.Contains(test.Stdout, l => l.Contains("Passed!") && l.Contains(tests));
        Assert.DoesNotContain(test.Stdout, l => l.Contains("Failed!"));
        var manifest = File.ReadAllText(_dir.File("layer/src/Acme.Layer/plugin.json"));
        Assert.Contains("\"id\": \"acme.layer\"", manifest);
        Assert.Contains("\"sdkVersion\": \"1.0.0\"", manifest);
        Assert.False(File.Exists(_dir.File("layer/src/Acme.Layer/Greeter.cs")), "a layer plugin got the behaviour's file");
    }

    /// <summary>The sample without build output, and without its nuget.config (the solution's names the packages).</summary>
    private static void CopySample(string copy)
    {
        var source = Path.Combine(RepoPaths.Root, "samples", "custom-layer-plugin");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "out") || relative == "nuget.config") continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }
    }

    private static string Pascal(string kind) => string.Concat(kind.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private Task<ProcessRunner> RunAsync(string file, params string[] args) => RunAsync(file, (IEnumerable<string>)args);

    private async Task<ProcessRunner> RunAsync(string file, IEnumerable<string> args)
    {
        var run = await ProcessRunner.RunAsync(file, args, new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            timeout: TimeSpan.FromMinutes(6));
        Assert.True(run.ExitCode == 0, $"{file} {string.Join(' ', args)} failed:\n{run.AllOutput}");
        return run;
    }

    public void Dispose() => _dir.Dispose();
}
