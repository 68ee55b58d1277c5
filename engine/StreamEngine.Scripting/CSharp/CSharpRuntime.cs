using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace StreamEngine.Scripting.CSharp;

/// <summary>
/// A C# script loaded into its own collectible context. Its calls run on a <see cref="ScriptWorker"/> within the
/// per-call budget; a call that overruns is abandoned, the API revoked for it, and the script disabled by the host.
/// </summary>
internal sealed class CSharpRuntime : ScriptRuntime
{
    private readonly CSharpPrepared _script;
    private readonly ScriptLimits _limits;
    private readonly ScriptWorker _worker;
    private ScriptLoadContext? _context;

    public CSharpRuntime(CSharpPrepared script, ScriptApi api, ScriptLimits limits) : base(api)
    {
        _script = script;
        _limits = limits;
        _worker = new ScriptWorker(Path.GetFileName(script.Path));
    }

    /// <summary>The load context, weakly: a test checks that a replaced version really unloads.</summary>
    public WeakReference? Context { get; private set; }

    public override void Load()
    {
        _context = new ScriptLoadContext($"script {Path.GetFileName(_script.Path)}");
        Context = new WeakReference(_context, trackResurrection: true);
        try
        {
            var assembly = _context.LoadFromStream(new MemoryStream(_script.Image), new MemoryStream(_script.Symbols));
            var factory = assembly.GetType(_script.EntryType, throwOnError: true)!.GetMethod(_script.EntryMethod, BindingFlags.Public | BindingFlags.Static)!;
            Limited(_limits.LoadMilliseconds, () =>
            {
                // Roslyn's submission factory: slot 0 holds the globals, slot 1 receives the submission.
                var run = (Task)factory.Invoke(null, [new object?[] { Api, null }])!;
                if (!run.IsCompleted) throw new ScriptApiException("a show script's top level must not wait (no await)");
                run.GetAwaiter().GetResult();
            });
        }
        catch (Exception e) when (e is not ScriptLoadException)
        {
            throw new ScriptLoadException([e is ScriptOverrunException overrun ? overrun.Error : Locate(e)]);
        }
    }

    public override void Call(Action call) => Limited(_limits.CallMilliseconds, call);

    public override ScriptError Locate(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetFileName() is { } file && Path.GetFullPath(file) == Path.GetFullPath(_script.Path));
        var message = e is ScriptApiException or ScriptOverrunException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        return frame is null ? new ScriptError(_script.Path, 0, 0, message) : new ScriptError(_script.Path, frame.GetFileLineNumber(), frame.GetFileColumnNumber(), message);
    }

    public override JsonObject SaveState() => (JsonObject)Api.State.DeepClone();

    public override void Dispose()
    {
        _worker.Dispose();
        _context?.Unload();
        _context = null;
    }

    private void Limited(int milliseconds, Action call)
    {
        if (_worker.Run(call, TimeSpan.FromMilliseconds(milliseconds))) return;
        Api.Revoke();
        throw new ScriptOverrunException(new ScriptError(_script.Path, 0, 0, $"a call ran longer than {milliseconds} ms and was abandoned (a C# call cannot be interrupted)"));
    }
}
