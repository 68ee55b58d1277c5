using System.Net;
using System.Text.RegularExpressions;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A plugin author's path, as CI runs it: pack the SDK, build the sample plugin (samples/custom-layer-plugin) from the
/// package alone in a clean folder, install it into a running engine with `plugins install`, and see its layer in
/// the decoded stream. The same plugin built against another SDK major version is refused — by `plugins install`,
/// and by the running engine when copied in anyway — with a message naming both versions, and the show goes on.
/// </summary>
public sealed partial class SdkPluginLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("sdk-plugin-live");

    [GeneratedRegex(@"Frames (\d+), dropped")]
    private static partial Regex StatusLine();

    [Fact]
    public async Task The_sample_plugin_built_from_the_packed_sdk_installs_into_a_running_engine_and_is_on_the_stream()
    {
        using var packages = await SdkPackages.PackAsync(1, "sdk/StreamEngine.Sdk", "sdk/StreamEngine.Toolkit");
        var build = await BuildSampleAsync(packages, "v1");
        var plugins = Directory.CreateDirectory(_dir.File("plugins")).FullName;
        var scene = _dir.File("scene.json");
        File.WriteAllText(scene, """{ "size": "320x180", "fps": 30, "layers": [] }""");
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), scene, Engine.Environment(("STREAM_ENGINE_PLUGINS", plugins)));

        var install = await Engine.RunAsync(["plugins", "install", build], ("STREAM_ENGINE_PLUGINS", plugins));
        Assert.True(install.ExitCode == 0, install.AllOutput);
        Assert.Contains(install.Stdout, l => l.StartsWith("installed sample.auction-countdown 1.0.0"));
        await engine.Process.WaitForLineAsync(l => l.Contains("Plugin sample.auction-countdown reloaded: none -> 1.0.0"), TimeSpan.FromSeconds(60));
        var added = await engine.Api.PostAsync("api/layers", RunningEngine.Json("""
            { "id": "clock", "type": "auction.countdown", "transform": { "x": 0, "y": 30, "width": 320, "height": 120 },
              "props": { "endsAt": 600, "duration": 600, "color": "#ffd166", "background": "#1a1a2e" } }
            """));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        // The same plugin built against SDK 2: refused at install, and by the engine when copied over the running one.
        using var major2 = await SdkPackages.PackAsync(2, "sdk/StreamEngine.Sdk", "sdk/StreamEngine.Toolkit");
        var build2 = await BuildSampleAsync(major2, "v2");
        var refused = await Engine.RunAsync(["plugins", "install", build2], ("STREAM_ENGINE_PLUGINS", plugins));
        Assert.Equal(2, refused.ExitCode);
        const string Why = "plugin 'sample.auction-countdown': AuctionCountdown.dll was built against SDK 2.0.0 (plugin.json says 1.0.0); this engine provides SDK 1.0.0";
        Assert.Contains(refused.Stderr, l => l.Contains(Why));
        ColorPluginBuild.Deploy(build2, Path.Combine(plugins, "sample.auction-countdown"));
        await engine.Process.WaitForLineAsync(l => l.Contains("was not reloaded, the running version stays") && l.Contains(Why), TimeSpan.FromSeconds(60));
        var statuses = engine.Process.Stderr.Count(l => StatusLine().IsMatch(l));
        await engine.Process.WaitForLineAsync(l => StatusLine().IsMatch(l), TimeSpan.FromSeconds(10), skip: statuses + 1);
        await engine.StopAsync();
        Assert.Equal(0, engine.Process.ExitCode);

        // The last frame: the countdown's full bar in its color, its background around the digits.
        var frames = (await Media.ProbeAsync(engine.Recording)).Frames;
        var last = await Media.DecodeFrameAsync(engine.Recording, frames - 1, 320, 180);
        Assert.True(last.IsNear(160, 30 + 102, "#ffd166", 40, out var bar), $"bar: {bar}");
        Assert.True(last.IsNear(6, 30 + 60, "#1a1a2e", 40, out var background), $"background: {background}");
        Assert.True(last.IsNear(160, 5, "#000000", 40, out var above), $"above the layer: {above}");
    }

    /// <summary>Copies the sample without build output to a clean folder, points it at the packages, builds the plugin.</summary>
    private async Task<string> BuildSampleAsync(SdkPackages packages, string name)
    {
        var source = RepoPaths.Samples("custom-layer-plugin");
        var copy = _dir.File(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "out") || relative == "nuget.config") continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }
        packages.WriteNugetConfig(copy);
        var output = _dir.File(name + "-out");
        var build = await ProcessRunner.RunAsync("dotnet", ["build", Path.Combine(copy, "AuctionCountdown"), "-c", "Release", "-o", output,
            $"-p:StreamEngineSdkVersion={packages.Version}", "-nologo", "-v", "quiet"], timeout: TimeSpan.FromMinutes(4));
        Assert.True(build.ExitCode == 0, build.AllOutput);
        Assert.False(File.Exists(Path.Combine(output, "StreamEngine.Sdk.dll")), "the plugin ships the SDK the engine provides");
        return output;
    }

    public void Dispose() => _dir.Dispose();
}
