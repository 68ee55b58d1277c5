namespace StreamEngine.Encoding.FFmpeg;

/// <summary>One invalid setting: which field, the value it has, and what was expected.</summary>
/// <param name="Field">Name of the setting, for example <c>VideoBitrateKbps</c>.</param>
/// <param name="Value">The value that was given.</param>
/// <param name="Expected">What the setting accepts.</param>
public sealed record SettingsProblem(string Field, string Value, string Expected)
{
    /// <summary>A sentence for a user: <c>Preset is 'warp'; expected one of ultrafast, …</c>.</summary>
    public override string ToString() => $"{Field} is '{Value}'; expected {Expected}";
}
