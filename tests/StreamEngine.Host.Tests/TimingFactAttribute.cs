namespace StreamEngine.Host.Tests;

/// <summary>
/// A test that asserts a timing guarantee of the whole machine (no frame dropped under a load), which one busy neighbour
/// can break: a measurement, run on demand on a quiet machine with <c>STREAMENGINE_TIMING_TESTS=1</c>, and skipped,
/// saying how to run it, in the everyday suite.
/// </summary>
internal sealed class TimingFactAttribute : FactAttribute
{
    public const string Variable = "STREAMENGINE_TIMING_TESTS";

    public TimingFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"a timing measurement: run it on a quiet machine with {Variable}=1 (README, Tests)";
    }
}
