namespace StreamEngine.Scripting;

/// <summary>Starting and stopping outputs for scripts: the host wires it to the same code the control API uses.</summary>
public interface IScriptOutputs
{
    /// <summary>Starts an output; returns its id. Throws <see cref="FormatException"/> or an API error naming the problem.</summary>
    string Start(string target);

    /// <summary>Stops an output by id (it finishes in the background; failures are logged).</summary>
    void Stop(string id);
}
