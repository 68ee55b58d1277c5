using StreamEngine.TestFixtures;

namespace StreamEngine.Sdk.Tests;

/// <summary>
/// `dotnet new streamengine-plugin` from the packed template, for each kind: the project it makes restores from the
/// packed SDK (a local package folder, nothing else new), builds, and its own test passes.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private readonly TempDirectory _dir = new("sdk-template");

    [Fact]
    public async Task The_template_makes_a_plugin_of_each_kind_that_builds_and_passes_its_test()
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
        var projects = kinds.SelectMany(kind => Directory.EnumerateFiles(_dir.File(kind), "*.csproj", SearchOption.AllDirectories)).ToList();
        Assert.Equal(6, projects.Count);
        await RunAsync("dotnet", ["sln", _dir.File("plugins.sln"), "add", .. projects]);
        var test = await RunAsync("dotnet", "test", _dir.File("plugins.sln"), "-m:1", "-nologo");

        foreach (var kind in kinds)
            Assert.Contains(test.Stdout, l => l.Contains("Passed!") && l.Contains($"Acme.{Pascal(kind)}.Tests.dll"));
        Assert.DoesNotContain(test.Stdout, l => l.Contains("Failed!"));
        var manifest = File.ReadAllText(_dir.File("layer/src/Acme.Layer/plugin.json"));
        Assert.Contains("\"id\": \"acme.layer\"", manifest);
        Assert.Contains("\"sdkVersion\": \"1.0.0\"", manifest);
        Assert.False(File.Exists(_dir.File("layer/src/Acme.Layer/Greeter.cs")), "a layer plugin got the behaviour's file");
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
