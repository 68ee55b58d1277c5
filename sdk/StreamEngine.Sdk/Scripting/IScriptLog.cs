namespace StreamEngine.Sdk.Scripting;

/// <summary>The engine's log as a script sees it; every line names the script.</summary>
public interface IScriptLog
{
    /// <summary>Something worth knowing.</summary>
    void Info(string message);

    /// <summary>Something that may need attention.</summary>
    void Warn(string message);

    /// <summary>Something that went wrong.</summary>
    void Error(string message);
}
