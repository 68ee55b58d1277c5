namespace StreamEngine.State;

public enum StateHealthStatus
{
    /// <summary>The last write succeeded.</summary>
    Healthy,

    /// <summary>The store failed the last write; the newest snapshot is kept in memory and retried.</summary>
    Degraded,
}
