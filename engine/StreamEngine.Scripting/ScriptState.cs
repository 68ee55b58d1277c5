namespace StreamEngine.Scripting;

/// <summary>Where a script is: loading (not loaded yet), running, disabled (after errors or an overrun), failed (never loaded).</summary>
public enum ScriptState { Loading, Running, Disabled, Failed }
