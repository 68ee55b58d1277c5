namespace StreamEngine.Sdk.Scripting;

/// <summary>A running animation or timeline started by a script: its events and controls.</summary>
public interface IScriptAnimation
{
    /// <summary>The animation's id (the spec's <c>id</c>, or one made up by the engine).</summary>
    string Id { get; }

    /// <summary>Called when it starts playing (after its delay).</summary>
    IScriptAnimation OnStart(Action handler);

    /// <summary>Called on every frame it plays.</summary>
    IScriptAnimation OnFrame(Action handler);

    /// <summary>Called when it reaches its end.</summary>
    IScriptAnimation OnComplete(Action handler);

    /// <summary>Called when it is stopped or replaced before its end.</summary>
    IScriptAnimation OnCancel(Action handler);

    /// <summary>Stops it; the properties keep their current values.</summary>
    void Stop();

    /// <summary>Pauses it where it is.</summary>
    void Pause();

    /// <summary>Resumes it after <see cref="Pause"/>.</summary>
    void Resume();

    /// <summary>Jumps to a local time in seconds.</summary>
    void Seek(double seconds);

    /// <summary>Plays it backwards from where it is (or forwards again).</summary>
    void Reverse();
}
