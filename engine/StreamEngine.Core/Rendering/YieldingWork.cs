using StreamEngine.Core.Clock;

namespace StreamEngine.Core.Rendering;

/// <summary>
/// Runs work on its own thread at a lower OS priority (nice 10 on Linux), so that on a machine with few cores the
/// frame thread and the encoder are scheduled first and the work takes what is left. Elsewhere the thread runs at
/// normal priority.
/// </summary>
public static class YieldingWork
{
    private const int Nice = 10;

    /// <summary>Runs <paramref name="work"/> on a new low-priority thread; the task ends with it.</summary>
    public static Task Run(string name, Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            ThreadNice.TrySet(Nice); // elsewhere, normal priority
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = name };
        // Thread.Start waits until the new thread runs, which on a busy machine can take longer than a frame: the
        // caller (often the frame thread) does not wait for that.
        ThreadPool.UnsafeQueueUserWorkItem(_ => thread.Start(), null);
        return done.Task;
    }
}
