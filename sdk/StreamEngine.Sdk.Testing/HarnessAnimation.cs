using System.Text.Json.Nodes;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Sdk.Testing;

/// <summary>An animation a behaviour started in the harness: its spec, its state, and its handlers, which the test fires.</summary>
public sealed class HarnessAnimation(string id, JsonObject spec) : IScriptAnimation
{
    private readonly List<Action> _start = [], _frame = [], _complete = [], _cancel = [];

    /// <inheritdoc />
    public string Id { get; } = id;

    /// <summary>The spec as given (with <c>target</c> filled in for a layer's animation).</summary>
    public JsonObject Spec { get; } = spec;

    /// <summary>Whether it was stopped before its end.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Whether it is paused.</summary>
    public bool Paused { get; private set; }

    /// <summary>Whether it plays backwards.</summary>
    public bool Reversed { get; private set; }

    /// <summary>The last time sought to, in seconds.</summary>
    public double? SoughtTo { get; private set; }

    /// <summary>Runs its start handlers, then its completion handlers, as when it plays to its end.</summary>
    public void Complete()
    {
        foreach (var handler in _start.ToList()) handler();
        foreach (var handler in _complete.ToList()) handler();
    }

    /// <inheritdoc />
    public IScriptAnimation OnStart(Action handler) { _start.Add(handler); return this; }

    /// <inheritdoc />
    public IScriptAnimation OnFrame(Action handler) { _frame.Add(handler); return this; }

    /// <inheritdoc />
    public IScriptAnimation OnComplete(Action handler) { _complete.Add(handler); return this; }

    /// <inheritdoc />
    public IScriptAnimation OnCancel(Action handler) { _cancel.Add(handler); return this; }

    /// <inheritdoc />
    public void Stop()
    {
        if (Stopped) return;
        Stopped = true;
        foreach (var handler in _cancel.ToList()) handler();
    }

    /// <inheritdoc />
    public void Pause() => Paused = true;

    /// <inheritdoc />
    public void Resume() => Paused = false;

    /// <inheritdoc />
    public void Seek(double seconds) => SoughtTo = seconds;

    /// <inheritdoc />
    public void Reverse() => Reversed = !Reversed;
}
