using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>
/// What only the encoder implementation knows about output targets: whether a target is one it can write and whether it
/// is a file, and the full address (with its key) of a running output, so a stopped stream can be started again. The
/// host gives the encoder's own answers; the application layer names no encoder.
/// </summary>
public interface IOutputTargets
{
    /// <summary>False with a <paramref name="problem"/> (naming what is wrong, never a secret) when the encoder cannot write to <paramref name="target"/>.</summary>
    bool TryCheck(string target, out bool isFile, out string? problem);

    /// <summary>The full target of output <paramref name="id"/>, with its secrets, or null when the encoder cannot hand it back.</summary>
    string? AddressOf(IEncoder encoder, string id);
}
