using System.Runtime.ExceptionServices;

namespace StreamEngine.Scripting.CSharp;

/// <summary>
/// The thread a C# script's calls run on, so the frame thread can stop waiting for one: .NET cannot interrupt a
/// thread (there is no Thread.Abort), so a call that overruns its budget is abandoned — it keeps running on this
/// thread until it ends on its own, but the frame clock moves on and the script is disabled.
/// </summary>
internal sealed class ScriptWorker : IDisposable
{
    private readonly SemaphoreSlim _go = new(0), _done = new(0);
    private Action? _work;
    private ExceptionDispatchInfo? _error;
    private volatile bool _stopped;

    public ScriptWorker(string name)
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = $"script {name}" };
        thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> and waits up to <paramref name="budget"/>; false when it overran (then it is abandoned).</summary>
    public bool Run(Action work, TimeSpan budget)
    {
        _work = work;
        _error = null;
        _go.Release();
        if (!_done.Wait(budget)) return false;
        _error?.Throw();
        return true;
    }

    private void Loop()
    {
        while (true)
        {
            _go.Wait();
            if (_stopped) return;
            try { _work!(); }
            catch (Exception e) { _error = ExceptionDispatchInfo.Capture(e); }
            _done.Release();
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _go.Release();
    }
}
