
namespace StreamEngine.Application;

// Changes and reads are carried out by the frame thread; once the clock has stopped no frame comes to do it, so a
// request is refused at once (503) instead of waiting for a frame that never comes. A frame thread that does not get
// to a request in time is answered 503 too, never left hanging.
public sealed partial class ShowController
{
    private const string Stopping = "the engine is stopping: its frame clock has stopped, so nothing can be changed or read from the scene any more";
    private static readonly TimeSpan FrameThreadPatience = TimeSpan.FromSeconds(10);

    /// <summary>Starts <paramref name="work"/> (which needs the frame thread) and waits for it while the clock ticks.</summary>
    private async Task<T> WhileTicking<T>(Func<Task<T>> work)
    {
        var stopped = clock.Stopped;
        if (stopped.IsCancellationRequested) throw new ShowRequestException(RequestFailure.Unavailable, Stopping);
        try { return await work().WaitAsync(FrameThreadPatience, stopped); }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            throw new ShowRequestException(RequestFailure.Unavailable, Stopping);
        }
        catch (TimeoutException)
        {
            throw new ShowRequestException(RequestFailure.Unavailable,
                $"the frame thread did not get to this request within {FrameThreadPatience.TotalSeconds:0} s; a change may still be applied later");
        }
    }

    private Task WhileTicking(Func<Task> work) => WhileTicking(async () => { await work(); return true; });
}
