using Microsoft.Extensions.Logging;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

internal sealed class ScriptLog(ILogger logger, string script) : IScriptLog
{
    public void Info(string message) => logger.LogInformation("[{Script}] {Message}", script, message);

    public void Warn(string message) => logger.LogWarning("[{Script}] {Message}", script, message);

    public void Error(string message) => logger.LogError("[{Script}] {Message}", script, message);
}
