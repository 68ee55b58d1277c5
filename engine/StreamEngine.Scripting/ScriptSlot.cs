using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Scene;

namespace StreamEngine.Scripting;

/// <summary>
/// One script file and the version of it that is running. A new version replaces it only once its top level ran
/// without error; until then the previous version keeps running. Handler errors are counted and, after
/// <see cref="ScriptLimits.MaxConsecutiveErrors"/> in a row (or one overrun), the script is disabled. Frame thread only,
/// except <see cref="Offer"/>.
/// </summary>
internal sealed class ScriptSlot(string path, ShowAccess show, ILogger logger, Action<ScriptSlot> reported, ScriptLanguage? language = null)
{
    private PreparedScript? _pending;
    private ScriptRuntime? _running;
    private JsonObject _state = new();
    private string? _stateProblem;
    private int _consecutiveErrors;
    private long _errors;

    public string Path { get; } = language == ScriptLanguage.Behaviour ? path : System.IO.Path.GetFullPath(path);
    public string Name { get; } = language == ScriptLanguage.Behaviour ? path : System.IO.Path.GetFileName(path);
    public ScriptLanguage Language { get; } = language ?? ScriptLanguages.Of(path) ?? throw new ArgumentException($"{path}: expected a .js, .mjs or .csx file");
    public ScriptState State { get; private set; } = ScriptState.Loading;
    public ScriptError? LastError { get; private set; }

    /// <summary>The running version's API (its subscriptions), or null when nothing runs.</summary>
    public ScriptApi? Api => State == ScriptState.Running ? _running?.Api : null;

    internal ScriptRuntime? Runtime => _running;

    public ScriptStatus Status => new(Name, Path, Language, State, LastError, Interlocked.Read(ref _errors));

    /// <summary>A newly compiled version, started at the next frame boundary (any thread).</summary>
    public void Offer(PreparedScript prepared) => Volatile.Write(ref _pending, prepared);

    /// <summary>A version that could not be compiled: the running one (if any) goes on; the error is reported.</summary>
    public void Refuse(ScriptLoadException e)
    {
        Interlocked.Increment(ref _errors);
        LastError = e.Errors[0];
        if (_running is null) State = ScriptState.Failed;
        foreach (var error in e.Errors)
            logger.LogError("Script {Script} was not loaded{Keeping}: {Error}", Name, _running is null ? "" : " (the previous version keeps running)", error);
        reported(this);
    }

    /// <summary>The state saved with the scene for a restart, given before the script first loads.</summary>
    public void Restore(JsonObject state) => _state = state;

    /// <summary>Starts the version offered since the last frame, if any.</summary>
    public void ActivatePending()
    {
        var prepared = Interlocked.Exchange(ref _pending, null);
        if (prepared is null) return;
        var state = (JsonObject)SaveState().DeepClone();
        var api = new ScriptApi(Name, show, state);
        var runtime = prepared.Instantiate(api, show.Limits);
        try
        {
            runtime.Load();
        }
        catch (ScriptLoadException e)
        {
            api.Revoke();
            runtime.Dispose();
            Refuse(e);
            return;
        }
        var reloaded = _running is not null;
        _running?.Api.Revoke();
        _running?.Dispose();
        _running = runtime;
        _state = state;
        State = ScriptState.Running;
        _consecutiveErrors = 0;
        logger.LogInformation("Script {Script} {Action} ({Language})", Name, reloaded ? "reloaded, state kept" : "loaded", Language);
    }

    /// <summary>Runs one handler of the running version; its errors are reported, counted, and may disable the script.</summary>
    public void Call(Action handler)
    {
        if (State != ScriptState.Running || _running is not { } runtime) return;
        try
        {
            runtime.Call(handler);
            _consecutiveErrors = 0;
        }
        catch (ScriptOverrunException e)
        {
            Fail(e.Error);
            Disable("a call was cut for running too long");
        }
        catch (Exception e)
        {
            Fail(runtime.Locate(e));
            if (++_consecutiveErrors >= show.Limits.MaxConsecutiveErrors) Disable($"{_consecutiveErrors} calls in a row failed");
        }
    }

    /// <summary>The state to keep: the running version's, or the last one known.</summary>
    public JsonObject SaveState()
    {
        if (State != ScriptState.Running || _running is null) return _state;
        try { Keep(_running.SaveState()); }
        catch (Exception e) { logger.LogWarning("Script {Script}: its state could not be saved ({Error}); keeping the last saved state", Name, e.Message); }
        return _state;
    }

    /// <summary>
    /// Keeps a state only within the show state's bounds (<see cref="ShowStateRules"/>: finite numbers, texts, arrays
    /// and values bounded as in props), so a restart restores what was saved; otherwise the last good state stays and
    /// the script gets an error naming the field (once per problem, not at every save).
    /// </summary>
    private void Keep(JsonObject state)
    {
        if (ShowStateRules.CheckValue(state, show.Scene.Limits, "state") is not { Count: > 0 } problems)
        {
            (_state, _stateProblem) = (state, null);
            return;
        }
        var problem = $"{problems[0].Path}: {problems[0].Message}; the state was not saved (the last one within bounds is kept)";
        if (problem == _stateProblem) return;
        _stateProblem = problem;
        Fail(new ScriptError(Path, 0, 0, problem));
    }

    private void Fail(ScriptError error)
    {
        Interlocked.Increment(ref _errors);
        LastError = error;
        logger.LogError("Script {Script} failed: {Error}", Name, error);
        reported(this);
    }

    private void Disable(string why)
    {
        SaveState();
        State = ScriptState.Disabled;
        logger.LogError("Script {Script} ({Path}) was disabled: {Why}; last error {Error}. The stream goes on; save the file to load it again", Name, Path, why, LastError);
        reported(this);
    }
}
