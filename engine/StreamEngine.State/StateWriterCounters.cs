namespace StreamEngine.State;

/// <summary>What the state writer did since it started, for metrics.</summary>
public sealed record StateWriterCounters(long Saves, long SaveFailures, TimeSpan LastSaveLatency, long Appends, long AppendFailures);
