namespace StreamEngine.Scripting;

/// <summary>A call went over its time limit; the script is disabled at once.</summary>
public sealed class ScriptOverrunException(ScriptError error) : Exception(error.ToString())
{
    public ScriptError Error { get; } = error;
}
