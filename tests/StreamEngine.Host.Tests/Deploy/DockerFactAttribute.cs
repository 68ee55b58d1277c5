using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests.Deploy;

/// <summary>A test that needs a working Docker daemon; skipped, saying why, on a machine without one.</summary>
internal sealed class DockerFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(() =>
    {
        try
        {
            var info = ProcessRunner.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], timeout: TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
            return info.ExitCode == 0 ? null : $"no Docker daemon on this machine (docker info: {info.AllOutput.Trim().Split('\n').LastOrDefault()})";
        }
        catch (System.ComponentModel.Win32Exception) { return "docker is not installed on this machine"; }
    });

    public DockerFactAttribute()
    {
        if (Missing.Value is { } why) Skip = why;
    }
}
