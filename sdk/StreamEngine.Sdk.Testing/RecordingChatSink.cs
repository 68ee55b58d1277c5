using StreamEngine.Sdk.Chat;

namespace StreamEngine.Sdk.Testing;

/// <summary>
/// Where a chat source under test posts (<see cref="ChatSourceContext.Sink"/>): keeps every message, state change and
/// retraction, from any thread, and lets a test wait for messages to arrive.
/// </summary>
public sealed class RecordingChatSink : IChatSink
{
    private readonly List<IncomingChatMessage> _messages = [];
    private readonly List<(ChatConnectionState State, string? Reason)> _states = [];
    private readonly List<string> _retracted = [];
    private readonly SemaphoreSlim _posted = new(0);

    /// <summary>Messages posted, in order.</summary>
    public IReadOnlyList<IncomingChatMessage> Messages { get { lock (_messages) return [.. _messages]; } }

    /// <summary>Connection states reported, in order.</summary>
    public IReadOnlyList<(ChatConnectionState State, string? Reason)> States { get { lock (_messages) return [.. _states]; } }

    /// <summary>Message ids retracted, and <c>author:ID</c> (or <c>author:*</c>) for authors' messages retracted.</summary>
    public IReadOnlyList<string> Retracted { get { lock (_messages) return [.. _retracted]; } }

    /// <inheritdoc />
    public void Post(IncomingChatMessage message)
    {
        lock (_messages) _messages.Add(message);
        _posted.Release();
    }

    /// <inheritdoc />
    public void Report(ChatConnectionState state, string? reason = null)
    {
        lock (_messages) _states.Add((state, reason));
    }

    /// <inheritdoc />
    public void Retract(string messageId)
    {
        lock (_messages) _retracted.Add(messageId);
    }

    /// <inheritdoc />
    public void RetractAuthor(string? authorId)
    {
        lock (_messages) _retracted.Add("author:" + (authorId ?? "*"));
    }

    /// <summary>Waits until at least <paramref name="count"/> messages were posted; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (Messages.Count < count) await _posted.WaitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException) { return Messages.Count >= count; }
    }
}
