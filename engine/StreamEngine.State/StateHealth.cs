namespace StreamEngine.State;

/// <summary>The state writer's view of its store, for the health endpoint.</summary>
/// <param name="Reason">Why the store is degraded (the last failure), without secrets; null when healthy.</param>
/// <param name="Since">When the outage started; null when healthy.</param>
/// <param name="SnapshotPending">A scene change is not saved yet (normal for up to 100 ms; for longer during an outage).</param>
public sealed record StateHealth(StateHealthStatus Status, string? Reason, DateTimeOffset? Since, bool SnapshotPending);
