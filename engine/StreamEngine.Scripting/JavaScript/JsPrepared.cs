using System.Text.RegularExpressions;
using Acornima;
using Jint;

namespace StreamEngine.Scripting.JavaScript;

/// <summary>A JavaScript file parsed off the frame thread: a plain script, or an ES module (.mjs, or it has import/export).</summary>
internal sealed partial class JsPrepared : PreparedScript
{
    private JsPrepared(string path, string source, Prepared<Acornima.Ast.Script>? script) : base(path, ScriptLanguage.JavaScript)
    {
        Source = source;
        Script = script;
    }

    public string Source { get; }

    /// <summary>The parsed plain script; null for a module (Jint parses modules when they are imported).</summary>
    public Prepared<Acornima.Ast.Script>? Script { get; }

    public bool IsModule => Script is null;

    [GeneratedRegex(@"^\s*(import|export)\b", RegexOptions.Multiline)]
    private static partial Regex ModuleSyntax();

    // The first script of a process would otherwise pay for compiling the interpreter's own code paths inside its time limit.
    private static readonly Lazy<bool> WarmedUp = new(() =>
    {
        using var engine = new Engine(o => o.CatchClrExceptions(e => e is ScriptApiException));
        engine.SetValue("fail", new Jint.Runtime.Interop.ClrFunction(engine, "fail", (_, _) => throw new ScriptApiException("warm-up")));
        engine.Execute("""
            const o = JSON.parse(JSON.stringify({ a: [1, 2.5, "x"], b: { c: null } }));
            try { fail(); } catch (e) { o.m = `${e.message}`; }
            [3, 1, 2].sort().map(n => n * 2).join(",");
            """);
        return true;
    });

    public static JsPrepared Prepare(string path, string source)
    {
        _ = WarmedUp.Value;
        try
        {
            if (path.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase) || ModuleSyntax().IsMatch(source))
            {
                Engine.PrepareModule(source, path);
                return new JsPrepared(path, source, null);
            }
            return new JsPrepared(path, source, Engine.PrepareScript(source, path));
        }
        catch (Exception e) when (e is not ScriptLoadException)
        {
            throw new ScriptLoadException([SyntaxError(path, e)]);
        }
    }

    private static ScriptError SyntaxError(string path, Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is ParseErrorException parse) return new ScriptError(path, parse.LineNumber, parse.Column + 1, "SyntaxError: " + (parse.Error?.Description ?? parse.Message));
        return JintException.TryGetJavaScriptLocation(e, out var at)
            ? new ScriptError(path, at.Start.Line, at.Start.Column + 1, e.Message)
            : new ScriptError(path, 0, 0, e.Message);
    }

    public override ScriptRuntime Instantiate(ScriptApi api, ScriptLimits limits) => new JsRuntime(this, api, limits);
}
