using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace StreamEngine.Scripting.JavaScript;

/// <summary>
/// A JavaScript script in its own Jint engine: no CLR access (only the script API's functions are exposed),
/// limited in time, statements, allocated memory and call depth per call. Runs on the frame thread.
/// </summary>
internal sealed class JsRuntime : ScriptRuntime
{
    private readonly JsPrepared _script;
    private readonly ScriptLimits _limits;
    private readonly ScriptDeadline _deadline = new();
    private readonly Engine _engine;

    public JsRuntime(JsPrepared script, ScriptApi api, ScriptLimits limits) : base(api)
    {
        _script = script;
        _limits = limits;
        _engine = new Engine(options =>
        {
            options.Constraint(_deadline);
            options.MaxStatements(limits.MaxStatements);
            options.LimitMemory(limits.MemoryBytes);
            options.LimitRecursion(limits.RecursionDepth);
            // A catastrophic regular expression (/(a+)+$/ on a long text) runs inside .NET's regex engine, where the
            // statement counter and the deadline cannot see it; its own timeout is the call's budget.
            options.Constraints.RegexTimeout = TimeSpan.FromMilliseconds(limits.CallMilliseconds);
            // The API's own errors (unknown layer, bad animation …) become JavaScript errors a script can catch.
            options.CatchClrExceptions(e => e is ScriptApiException or FormatException or ArgumentException);
            if (script.IsModule) options.EnableModules(Path.GetDirectoryName(Path.GetFullPath(script.Path))!, restrictToBasePath: true);
        });
        new JsBindings(_engine, api, this).Install();
        _engine.SetValue("state", JsValues.ToJs(_engine, api.State));
    }

    public override void Load()
    {
        try
        {
            Limited(_limits.LoadMilliseconds, () =>
            {
                if (_script.Script is { } prepared) _engine.Execute(prepared);
                else
                {
                    var specifier = Path.GetFileName(_script.Path);
                    _engine.Modules.Add(specifier, _script.Source);
                    _engine.Modules.Import(specifier);
                }
            });
        }
        catch (Exception e) when (e is not ScriptLoadException)
        {
            throw new ScriptLoadException([e is ScriptOverrunException overrun ? overrun.Error : Locate(e)]);
        }
    }

    public override void Call(Action call) => Limited(_limits.CallMilliseconds, call);

    /// <summary>Calls a script function with the per-call limits (Jint resets its constraints on each Invoke).</summary>
    public void Invoke(JsValue function, params JsValue[] arguments) => _engine.Invoke(function, JsValue.Undefined, arguments);

    public override ScriptError Locate(Exception e)
    {
        var message = e switch
        {
            JavaScriptException js => js.Error.IsObject() && js.Error.AsObject().Get("message") is JsString m ? $"{ErrorName(js.Error)}: {m}" : js.Message,
            StatementsCountOverflowException => $"the call ran more than {_limits.MaxStatements} statements (an endless loop?)",
            System.Text.RegularExpressions.RegexMatchTimeoutException => $"a regular expression ran longer than the call's {_limits.CallMilliseconds} ms",
            MemoryLimitExceededException => $"the call allocated more than {_limits.MemoryBytes >> 20} MB",
            RecursionDepthOverflowException => $"calls nested deeper than {_limits.RecursionDepth} (endless recursion?)",
            _ => e.Message,
        };
        return JintException.TryGetJavaScriptLocation(e, out var location)
            ? new ScriptError(_script.Path, location.Start.Line, location.Start.Column + 1, message)
            : new ScriptError(_script.Path, 0, 0, message);
    }

    public override JsonObject SaveState()
    {
        _deadline.Budget = TimeSpan.FromMilliseconds(_limits.CallMilliseconds);
        _deadline.Reset();
        return JsValues.FromJs(_engine, _engine.GetValue("state")) as JsonObject ?? new JsonObject();
    }

    public override void Dispose() => _engine.Dispose();

    /// <summary>
    /// Runs plugin code a script called (a behaviour's method) off the script's clock: it is the plugin's time, not the
    /// script's. The auctioneer's first call compiles its code, and on a busy machine that overran the 100 ms budget and
    /// disabled the show script that hands it the lots.
    /// </summary>
    internal T Outside<T>(Func<T> work)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try { return work(); }
        finally { _deadline.Extend(System.Diagnostics.Stopwatch.GetTimestamp() - started); }
    }

    private void Limited(int milliseconds, Action action)
    {
        _deadline.Budget = TimeSpan.FromMilliseconds(milliseconds);
        try
        {
            action();
        }
        catch (Exception e) when (e is TimeoutException or StatementsCountOverflowException)
        {
            throw new ScriptOverrunException(Locate(e));
        }
    }

    private static string ErrorName(JsValue error) => error.AsObject().Get("name") is JsString name ? name.ToString() : "Error";
}
