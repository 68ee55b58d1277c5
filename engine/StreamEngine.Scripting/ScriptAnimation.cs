using StreamEngine.Core.Animation;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

/// <summary>An animation a script started: the script's handlers for its events, and controls queued to the animation runtime.</summary>
internal sealed class ScriptAnimation(string id, ScriptApi api, AnimationRuntime animations) : IScriptAnimation
{
    private readonly List<Action> _started = [], _frame = [], _completed = [], _cancelled = [];

    public string Id => id;

    public IScriptAnimation OnStart(Action handler) => Add(_started, handler);

    public IScriptAnimation OnFrame(Action handler)
    {
        animations.RaiseFrameEvents = true;
        return Add(_frame, handler);
    }

    public IScriptAnimation OnComplete(Action handler) => Add(_completed, handler);

    public IScriptAnimation OnCancel(Action handler) => Add(_cancelled, handler);

    public void Stop() => api.Forget(animations.StopAsync(id), $"stop '{id}'");

    public void Pause() => api.Forget(animations.PauseAsync(id), $"pause '{id}'");

    public void Resume() => api.Forget(animations.ResumeAsync(id), $"resume '{id}'");

    public void Seek(double seconds) => api.Forget(animations.SeekAsync(id, seconds), $"seek '{id}'");

    public void Reverse() => api.Forget(animations.ReverseAsync(id), $"reverse '{id}'");

    internal IReadOnlyList<Action> HandlersFor(AnimationEventKind kind) => kind switch
    {
        AnimationEventKind.Started => _started,
        AnimationEventKind.Frame => _frame,
        AnimationEventKind.Completed => _completed,
        AnimationEventKind.Cancelled => _cancelled,
        _ => [],
    };

    private ScriptAnimation Add(List<Action> list, Action handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        list.Add(handler);
        return this;
    }
}
