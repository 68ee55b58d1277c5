using StreamEngine.TestFixtures;

namespace StreamEngine.Sdk.Tests;

/// <summary>
/// The public API analyzer is wired into the SDK's build: a copy of the SDK project with one public member deleted,
/// and not declared removed in PublicAPI.*.txt, fails to build with RS0017 naming the member.
/// </summary>
public sealed class PublicApiTests : IDisposable
{
    private readonly TempDirectory _dir = new("sdk-api");

    [Fact]
    public async Task Removing_a_public_sdk_member_without_declaring_it_fails_the_build()
    {
        // The SDK project with the build settings above it, as in the repository.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "sdk/Directory.Build.props" })
            Copy(Path.Combine(RepoPaths.Root, file), _dir.File(file));
        var sdk = Path.Combine(RepoPaths.Root, "sdk", "StreamEngine.Sdk");
        foreach (var file in Directory.EnumerateFiles(sdk, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(Path.GetRelativePath(sdk, f))))
            Copy(file, _dir.File(Path.Combine("sdk", "StreamEngine.Sdk", Path.GetRelativePath(sdk, file))));
        var frameTime = _dir.File("sdk/StreamEngine.Sdk/FrameTime.cs");
        var source = File.ReadAllText(frameTime);
        const string member = "public double FrameDuration => 1.0 / Fps;";
        Assert.Contains(member, source);
        File.WriteAllText(frameTime, source.Replace(member, ""));

        var build = await ProcessRunner.RunAsync("dotnet", ["build", _dir.File("sdk/StreamEngine.Sdk"), "-nologo", "-v", "quiet", "-p:EnablePackageValidation=false"],
            timeout: TimeSpan.FromMinutes(4));

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(build.Stdout, l => l.Contains("error RS0017") && l.Contains("StreamEngine.Sdk.FrameTime.FrameDuration.get -> double"));
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    public void Dispose() => _dir.Dispose();
}
