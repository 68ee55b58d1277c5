using System.Text.Json.Nodes;

namespace StreamEngine.Scripting;

/// <summary>A script compiled or parsed off the frame thread, ready to be started (possibly several times: reloads, cache hits).</summary>
internal abstract class PreparedScript(string path, ScriptLanguage language)
{
    public string Path { get; } = path;

    public ScriptLanguage Language { get; } = language;

    /// <summary>A new running instance bound to <paramref name="api"/>; its top level has not run yet.</summary>
    public abstract ScriptRuntime Instantiate(ScriptApi api, ScriptLimits limits);
}

/// <summary>One loaded version of a script in its language's runtime. Every call runs within the script's limits.</summary>
internal abstract class ScriptRuntime(ScriptApi api) : IDisposable
{
    public ScriptApi Api { get; } = api;

    /// <summary>Runs the top level (it subscribes to events and sets up layers); throws <see cref="ScriptLoadException"/>.</summary>
    public abstract void Load();

    /// <summary>Runs a handler of the script; throws what it threw, or <see cref="ScriptOverrunException"/> when it ran out of time.</summary>
    public abstract void Call(Action call);

    /// <summary>Where in the script an exception was thrown.</summary>
    public abstract ScriptError Locate(Exception e);

    /// <summary>The script's state as JSON, for the next version and the state store.</summary>
    public abstract JsonObject SaveState();

    public abstract void Dispose();
}
