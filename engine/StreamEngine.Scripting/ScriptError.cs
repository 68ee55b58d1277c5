namespace StreamEngine.Scripting;

/// <summary>A problem in a script, where it is: file, line and column (1-based; 0 when unknown).</summary>
public sealed record ScriptError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
