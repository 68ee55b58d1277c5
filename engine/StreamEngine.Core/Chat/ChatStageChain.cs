using Microsoft.Extensions.Logging;
using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Core.Chat;

/// <summary>
/// The chat stages every message passes through, in the configured order (frame thread). A stage that throws is
/// skipped for that message, logged and counted; a delayed message waits (in show time) and then goes on from the
/// next stage. Stages are looked up by name each frame, so a reloaded plugin's new stage takes over at a frame boundary.
/// </summary>
public sealed class ChatStageChain(IReadOnlyList<string> names, Func<string, IChatStage?> find, ILogger logger)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);
    private readonly List<(double Due, int Next, ChatMessage Message)> _waiting = [];
    private long _failures, _dropped;

    public IReadOnlyList<string> Names => names;

    /// <summary>Stage calls that threw (the message went on without that stage).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Messages a stage dropped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages held back by a stage.</summary>
    public int Waiting => _waiting.Count;

    /// <summary>The messages that come out of the chain this frame: those that waited until now, then the new ones.</summary>
    public IEnumerable<ChatMessage> Run(IEnumerable<ChatMessage> arriving, FrameTime time)
    {
        var due = _waiting.Where(w => w.Due <= time.Seconds + 1e-9).ToList();
        _waiting.RemoveAll(w => w.Due <= time.Seconds + 1e-9);
        foreach (var (_, next, message) in due)
            if (From(next, message, time) is { } passed) yield return passed;
        foreach (var message in arriving)
            if (From(0, message, time) is { } passed) yield return passed;
    }

    /// <summary>Tells every stage of a platform's ban or timeout; a stage that throws is logged and counted like a failed message.</summary>
    public void Banned(ChatBan ban)
    {
        foreach (var name in names)
        {
            if (find(name) is not { } stage) continue;
            try { stage.OnBan(ban); }
            catch (Exception e)
            {
                Interlocked.Increment(ref _failures);
                logger.LogError("Chat stage {Stage} failed on the ban of {Author} from {Source}: {Error}", name, ban.AuthorId, ban.Source, e.Message);
            }
        }
    }

    private ChatMessage? From(int index, ChatMessage message, FrameTime time)
    {
        for (var i = index; i < names.Count; i++)
        {
            if (find(names[i]) is not { } stage) continue; // reported once when configured; its plugin may come back
            ChatVerdict verdict;
            try
            {
                verdict = stage.Process(message) ?? ChatVerdict.Pass(message);
                FrameTrace.Current?.Mark(names[i]);
            }
            catch (Exception e)
            {
                // Logged at the 1st, 10th, 100th … failure: a stage failing on every message must not flood the log.
                var failures = Interlocked.Increment(ref _failures);
                if (IsPowerOfTen(failures))
                    logger.LogError("Chat stage {Stage} failed on message {Id} ({Failures} failures so far), skipped for it: {Error}", names[i], message.Id, failures, e.Message);
                continue;
            }
            if (verdict.Message is null)
            {
                Interlocked.Increment(ref _dropped);
                logger.LogDebug("Chat stage {Stage} dropped message {Id}: {Reason}", names[i], message.Id, verdict.DropReason);
                return null;
            }
            // Copied into engine-owned lists: a plugin's own list type would keep its unloaded version alive.
            message = verdict.Message with { Annotations = [.. verdict.Message.Annotations.Take(32).Select(a => a with { Flags = [.. a.Flags.Take(16)] })] };
            if (verdict.Delay > TimeSpan.Zero)
            {
                var delay = verdict.Delay < MaxDelay ? verdict.Delay : MaxDelay;
                _waiting.Add((time.Seconds + delay.TotalSeconds, i + 1, message));
                return null;
            }
        }
        return message;
    }

    private static bool IsPowerOfTen(long n)
    {
        while (n >= 10 && n % 10 == 0) n /= 10;
        return n == 1;
    }
}
