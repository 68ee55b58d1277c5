namespace StreamEngine.Application;

/// <summary>
/// Whether the changes of one request reached the state store. The REST API and the WebSocket begin one per request;
/// the show marks it when a change was applied but could not be saved (store down, engine stopping), and the answer
/// then says so (REST 202, WebSocket status 101) instead of claiming a saved change. It travels beside the call
/// (an async-local) so the show's methods keep their results.
/// </summary>
public sealed class SaveReceipt
{
    private static readonly AsyncLocal<SaveReceipt?> Current = new();
    private string? _notSaved;

    private SaveReceipt() { }

    /// <summary>Why a change of this request is not saved yet, or null when everything it changed is saved.</summary>
    public string? NotSavedReason => Volatile.Read(ref _notSaved);

    /// <summary>Starts the receipt for the request running on this async flow.</summary>
    public static SaveReceipt Begin() => Current.Value = new SaveReceipt();

    /// <summary>Called by the show: a change of the current request is applied but not saved, and why.</summary>
    public static void NotSaved(string reason)
    {
        if (Current.Value is { } receipt) Interlocked.CompareExchange(ref receipt._notSaved, reason, null);
    }
}
