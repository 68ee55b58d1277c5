using StreamEngine.Scripting.CSharp;
using StreamEngine.Scripting.JavaScript;

namespace StreamEngine.Scripting;

/// <summary>Turns a script file's text into something ready to start: JavaScript parsed, C# compiled. Any thread.</summary>
internal static class ScriptCompiler
{
    public static PreparedScript Prepare(string path, string source) => ScriptLanguages.Of(path) switch
    {
        ScriptLanguage.JavaScript => JsPrepared.Prepare(path, source),
        ScriptLanguage.CSharp => CSharpCompiler.Compile(path, source),
        _ => throw new ScriptLoadException([new ScriptError(path, 0, 0, "expected a .js, .mjs or .csx file")]),
    };
}
