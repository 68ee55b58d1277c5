using StreamEngine.Application;
using System.Runtime.InteropServices;

namespace StreamEngine.Host.Commands;

/// <summary>Runs a command body: SIGINT/SIGTERM cancel it gracefully; bad input is printed as a problem list with exit code 2.</summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        try
        {
            return await body(stop.Token);
        }
        catch (UserInputException e)
        {
            Console.Error.WriteLine($"error: {e.Input} is not valid:");
            foreach (var problem in e.Problems) Console.Error.WriteLine($"  {problem}");
            return BadInput;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Ok;
        }

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true; // we stop gracefully ourselves
            stop.Cancel();
        }
    }
}
