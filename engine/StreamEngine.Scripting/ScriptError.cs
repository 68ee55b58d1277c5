namespace StreamEngine.Scripting;

/// <summary>A problem in a script, where it is: file, line and column (1-based; 0 when unknown).</summary>
public sealed record ScriptError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}

/// <summary>A script that cannot be loaded (compile error, top level threw): the errors say where.</summary>
public sealed class ScriptLoadException(IReadOnlyList<ScriptError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ScriptError> Errors { get; } = errors;
}

/// <summary>A script asked the API for something it cannot do (unknown layer, bad animation, permission): the message says why.</summary>
public sealed class ScriptApiException(string message) : Exception(message);

/// <summary>A call went over its time limit; the script is disabled at once.</summary>
public sealed class ScriptOverrunException(ScriptError error) : Exception(error.ToString())
{
    public ScriptError Error { get; } = error;
}
