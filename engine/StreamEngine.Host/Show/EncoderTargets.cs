using StreamEngine.Application;
using StreamEngine.Encoding.FFmpeg;
using StreamEngine.Sdk;

namespace StreamEngine.Host.Show;

/// <summary>The targets the built-in encoder accepts (<see cref="OutputTarget"/>); only the ffmpeg encoder hands a stream's address back.</summary>
internal sealed class EncoderTargets : IOutputTargets
{
    public bool TryCheck(string target, out bool isFile, out string? problem)
    {
        var ok = OutputTarget.TryParse(target, out var parsed, out problem);
        isFile = parsed?.Kind == OutputKind.File;
        return ok;
    }

    public string? AddressOf(IEncoder encoder, string id) => (encoder as FFmpegEncoder)?.TargetOf(id)?.Address;
}
