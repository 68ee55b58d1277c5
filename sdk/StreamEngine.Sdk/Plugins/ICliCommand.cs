namespace StreamEngine.Sdk.Plugins;

/// <summary>
/// A command a plugin adds to the engine's command line: <c>./stream-engine NAME ARGUMENTS…</c> runs it when NAME is
/// none of the engine's own commands. The host loads the plugins, finds the command by <see cref="Name"/> and passes
/// it the rest of the line; the host never needs to know the plugin. Its exit code is the process's.
/// </summary>
public interface ICliCommand
{
    /// <summary>The verb users type (<c>x</c>); lower-case letters, digits and <c>-</c>.</summary>
    string Name { get; }

    /// <summary>One line for the list of commands.</summary>
    string Summary { get; }

    /// <summary>Runs the command. Return 0 on success, 1 when it failed, 2 for bad arguments (say which on <see cref="CliInvocation.Errors"/>).</summary>
    /// <param name="invocation">The arguments after the verb, where to write, and the engine's data directory.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C or SIGTERM.</param>
    Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>What a plugin's command is given.</summary>
/// <param name="Arguments">The words after the verb, as typed.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Errors">Standard error: messages for the user, naming the input at fault.</param>
/// <param name="DataDirectory">The engine's data directory (<c>STREAM_ENGINE_DATA</c>), for state the command keeps.</param>
public sealed record CliInvocation(IReadOnlyList<string> Arguments, TextWriter Output, TextWriter Errors, string DataDirectory);
