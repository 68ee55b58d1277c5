using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg.Tests.Support;

/// <summary>Records every OutputStateChanged event of an encoder.</summary>
public sealed class StateRecorder
{
    private readonly List<OutputStateChange> _changes = [];

    public StateRecorder(IEncoder encoder) => encoder.OutputStateChanged += change => { lock (_changes) _changes.Add(change); };

    public IReadOnlyList<OutputStateChange> Changes { get { lock (_changes) return _changes.ToList(); } }

    /// <summary>The states one output went through, as "Connecting Live Reconnecting …".</summary>
    public string Sequence(string outputId) =>
        string.Join(' ', Changes.Where(c => c.OutputId == outputId).Select(c => c.State));

    public int Count(string outputId, OutputState state) => Changes.Count(c => c.OutputId == outputId && c.State == state);
}
