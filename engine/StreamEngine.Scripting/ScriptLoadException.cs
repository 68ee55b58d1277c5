namespace StreamEngine.Scripting;

/// <summary>A script that cannot be loaded (compile error, top level threw): the errors say where.</summary>
public sealed class ScriptLoadException(IReadOnlyList<ScriptError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ScriptError> Errors { get; } = errors;
}
