namespace StreamEngine.Scripting;

public static class ScriptLanguages
{
    /// <summary>The language of a script file by its extension: .js/.mjs or .csx.</summary>
    public static ScriptLanguage? Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".js" or ".mjs" => ScriptLanguage.JavaScript,
        ".csx" => ScriptLanguage.CSharp,
        _ => null,
    };
}
