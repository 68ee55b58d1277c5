using Microsoft.Extensions.Logging;
using StreamEngine.Scripting;

namespace StreamEngine.Application;

/// <summary>Scripts start and stop outputs through the control plane's own requests, so they behave as the API does.</summary>
public sealed class ScriptOutputs(IShowControl show, ILogger logger) : IScriptOutputs
{
    public string Start(string target)
    {
        try { return show.AddOutputAsync(target).GetAwaiter().GetResult(); }
        catch (ShowRequestException e) { throw new ScriptApiException(e.Message); }
    }

    public void Stop(string id) => show.RemoveOutputAsync(id).ContinueWith(
        t => logger.LogError("A script could not stop output {Output}: {Error}", id, t.Exception!.InnerException!.Message),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
