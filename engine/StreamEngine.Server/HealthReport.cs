namespace StreamEngine.Server;

/// <summary>What /health/ready says: ok, degraded (streaming, but something is retrying, such as the state store), or failing.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Checks)
{
    public bool IsReady => Status != "failing";
}
