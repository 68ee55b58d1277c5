namespace StreamEngine.Scripting;

/// <summary>A script as the API and the log report it.</summary>
/// <param name="Errors">Errors since the engine started (load and call errors).</param>
public sealed record ScriptStatus(string Name, string Path, ScriptLanguage Language, ScriptState State, ScriptError? LastError, long Errors);
