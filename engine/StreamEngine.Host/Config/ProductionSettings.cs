using System.Text.RegularExpressions;

namespace StreamEngine.Host.Config;

/// <summary>Checks of the settings for running shows in production (show ids, failover, backups).</summary>
internal static partial class ProductionSettings
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Id();

    /// <summary>A show or instance id: it names Redis keys and appears in logs, so no spaces, braces or colons.</summary>
    public static bool IsShowId(string value) => Id().IsMatch(value);
}
