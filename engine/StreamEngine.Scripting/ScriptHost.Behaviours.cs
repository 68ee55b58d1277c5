using System.Text.Json.Nodes;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

/// <summary>
/// Show behaviours run in script slots named <c>behaviour:{id}</c>: the same API, delivery, error counting and state
/// keeping as scripts. A new version (a reloaded plugin) is offered like a recompiled script and takes over at the next
/// frame boundary with the running version's state; one that fails to start leaves the running version in place.
/// </summary>
public sealed partial class ScriptHost
{
    /// <summary>Starts <paramref name="behaviour"/> at the next frame, in place of the running version with its id (if any), keeping its state.</summary>
    /// <param name="behaviour">The behaviour, from a plugin.</param>
    /// <param name="context">Builds what the behaviour is given from the script API it gets (records, publishing).</param>
    public void OfferBehaviour(IShowBehaviour behaviour, Func<ScriptGlobals, IBehaviourContext> context)
    {
        var name = SlotName(behaviour.Id);
        var slot = _slots.FirstOrDefault(s => s.Name == name);
        if (slot is null)
        {
            slot = new ScriptSlot(name, _show, _logger, s => Failed?.Invoke(s.Status), ScriptLanguage.Behaviour);
            if (_restored[slot.Name] is JsonObject saved) slot.Restore((JsonObject)saved.DeepClone());
            lock (_restored) _slots = [.. _slots, slot];
        }
        slot.Offer(new BehaviourPrepared(name, behaviour, context));
    }

    /// <summary>The running version of the behaviour with this id, or null.</summary>
    public IShowBehaviour? Behaviour(string id) =>
        (_slots.FirstOrDefault(s => s.Name == SlotName(id))?.Api is not null ? Runtime(SlotName(id)) as BehaviourRuntime : null)?.Behaviour;

    /// <summary>Each behaviour's id and status (running, failed, disabled, its last error).</summary>
    public IReadOnlyList<ScriptStatus> BehaviourStatuses() => [.. _slots.Where(s => s.Language == ScriptLanguage.Behaviour).Select(s => s.Status)];

    private static string SlotName(string id) => "behaviour:" + id;
}

/// <summary>A behaviour ready to start in a slot (as a compiled script is).</summary>
internal sealed class BehaviourPrepared(string name, IShowBehaviour behaviour, Func<ScriptGlobals, IBehaviourContext> context)
    : PreparedScript(name, ScriptLanguage.Behaviour)
{
    public override ScriptRuntime Instantiate(ScriptApi api, ScriptLimits limits) => new BehaviourRuntime(api, behaviour, context(api));
}

/// <summary>A started behaviour. Its handlers are plain .NET calls: errors are counted like a script's (no time cut: it is trusted code).</summary>
internal sealed class BehaviourRuntime(ScriptApi api, IShowBehaviour behaviour, IBehaviourContext context) : ScriptRuntime(api)
{
    private bool _started;

    public IShowBehaviour Behaviour => behaviour;

    public override void Load()
    {
        try { behaviour.Start(context); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ScriptLoadException([new ScriptError(Api.Name, 0, 0, $"the behaviour did not start: {e.GetType().Name}: {e.Message}")]);
        }
        _started = true;
    }

    public override void Call(Action call) => call();

    public override ScriptError Locate(Exception e) => new(Api.Name, 0, 0, $"{e.GetType().Name}: {e.Message}");

    public override JsonObject SaveState() => Api.State;

    public override void Dispose()
    {
        if (!_started) return; // a version that did not start is not the running one's to stop
        try { behaviour.Dispose(); }
        catch (Exception e) when (e is not OutOfMemoryException) { Api.Log.Error($"the behaviour failed to stop: {e.Message}"); }
    }
}
