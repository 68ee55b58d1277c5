using StreamEngine.Sdk.Audio;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Encoding;

namespace StreamEngine.Plugins;

/// <summary>The plugin kinds beyond layer types and easings: chat sources and stages, behaviours, encoders, audio sources.</summary>
public sealed partial class PluginCatalog
{
    private Kinds _kinds = Kinds.Empty;

    /// <summary>
    /// Raised on the frame thread when a plugin's new version has replaced the old one (null when it is new): the
    /// runtimes of each kind hand their state over to the new version's contributions and drop the old ones, so the
    /// old version can unload.
    /// </summary>
    public event Action<LoadedPlugin?, LoadedPlugin>? Replaced;

    /// <summary>The types whose code handles <see cref="Replaced"/> (compiled ahead of a swap).</summary>
    internal IEnumerable<Type> ReplacedHandlerTypes =>
        Replaced?.GetInvocationList().Select(h => h.Method.DeclaringType).OfType<Type>() ?? [];

    public IChatSourceType? ChatSource(string name) => _kinds.ChatSources.GetValueOrDefault(name);

    public IChatStage? ChatStage(string name) => _kinds.ChatStages.GetValueOrDefault(name);

    public IShowBehaviour? Behaviour(string id) => _kinds.Behaviours.GetValueOrDefault(id);

    public IEncoderType? Encoder(string id) => _kinds.Encoders.GetValueOrDefault(id);

    public IAudioSourceType? AudioSource(string name) => _kinds.AudioSources.GetValueOrDefault(name);

    /// <summary>The live ingest setup a plugin offers for an output preset (<c>x</c>), or null.</summary>
    public IIngestSetup? IngestSetup(string preset) => Plugins.SelectMany(p => p.Contributions.IngestSetups).FirstOrDefault(s => s.Preset == preset);

    public IEnumerable<string> ChatSourceNames => _kinds.ChatSources.Keys;

    public IEnumerable<string> ChatStageNames => _kinds.ChatStages.Keys;

    public IEnumerable<IShowBehaviour> Behaviours => _kinds.Behaviours.Values;

    public IEnumerable<string> EncoderIds => _kinds.Encoders.Keys;

    private static Kinds MergedKinds(LoadedPlugin[] plugins, LoadedPlugin added)
    {
        var kinds = Kinds.Empty;
        foreach (var plugin in plugins.Where(p => p != added).Append(added))
        {
            var c = plugin.Contributions;
            kinds = new Kinds(
                Merged(kinds.ChatSources, c.ChatSources, s => s.Name, "chat source", added),
                Merged(kinds.ChatStages, c.ChatStages, s => s.Name, "chat stage", added),
                Merged(kinds.Behaviours, c.Behaviours, b => b.Id, "behaviour", added),
                Merged(kinds.Encoders, c.Encoders, e => e.Id, "encoder", added),
                Merged(kinds.AudioSources, c.AudioSources, a => a.Name, "audio source", added));
        }
        return kinds;
    }

    private sealed record Kinds(
        Dictionary<string, IChatSourceType> ChatSources, Dictionary<string, IChatStage> ChatStages, Dictionary<string, IShowBehaviour> Behaviours,
        Dictionary<string, IEncoderType> Encoders, Dictionary<string, IAudioSourceType> AudioSources)
    {
        public static Kinds Empty => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal),
            new(StringComparer.OrdinalIgnoreCase), new(StringComparer.Ordinal));
    }
}
