using System.Globalization;
using System.Text.Json.Nodes;

namespace StreamEngine.State;

/// <summary>
/// A whole show's state as one JSON document, the file of <c>state export</c> and <c>state import</c>: the snapshot
/// (scene, named scenes, running animations and timelines, scripts' and behaviours' state) and every event stream
/// (behaviour records such as bids, sales and chat bans), each entry with the time it was appended.
/// </summary>
public sealed record StateArchive(ShowSnapshot? Show, IReadOnlyDictionary<string, IReadOnlyList<ArchivedEvent>> Streams)
{
    public const string Format = "streamengine-state";
    public const int Version = 1;

    public JsonObject ToJson(DateTimeOffset exportedAt, string source) => new()
    {
        ["format"] = Format,
        ["version"] = Version,
        ["exportedAt"] = Text(exportedAt),
        ["source"] = source,
        ["snapshot"] = Show is null ? null : new JsonObject
        {
            ["scene"] = Show.Scene.DeepClone(), ["frame"] = Show.Frame, ["fps"] = Show.Fps, ["savedAt"] = Text(Show.SavedAt),
        },
        ["streams"] = new JsonObject(Streams.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)new JsonArray(
            [.. s.Value.Select(e => (JsonNode)new JsonObject { ["time"] = Text(e.Time), ["entry"] = e.Entry.DeepClone() })])))),
    };

    /// <summary>Reads an archive; the message of the <see cref="FormatException"/> names the field that is wrong.</summary>
    public static StateArchive FromJson(JsonNode? json)
    {
        if (json is not JsonObject root || (string?)root["format"] != Format)
            throw new FormatException($"$.format: expected \"{Format}\" (a file written by state export)");
        if (root["version"] is not JsonValue v || !v.TryGetValue<int>(out var version) || version != Version)
            throw new FormatException($"$.version: expected {Version}");
        ShowSnapshot? show = null;
        if (root["snapshot"] is JsonObject snapshot)
        {
            if (snapshot["scene"] is not JsonObject scene) throw new FormatException("$.snapshot.scene: expected an object");
            show = new ShowSnapshot((JsonObject)scene.DeepClone(), Number<long>(snapshot, "frame", "$.snapshot.frame"),
                Number<int>(snapshot, "fps", "$.snapshot.fps"), Time(snapshot["savedAt"], "$.snapshot.savedAt"));
        }
        else if (root["snapshot"] is not null) throw new FormatException("$.snapshot: expected an object or null");
        if (root["streams"] is not JsonObject streams) throw new FormatException("$.streams: expected an object");
        var read = new Dictionary<string, IReadOnlyList<ArchivedEvent>>(StringComparer.Ordinal);
        foreach (var (name, entries) in streams)
        {
            if (entries is not JsonArray list) throw new FormatException($"$.streams['{name}']: expected an array");
            read[name] = list.Select((e, i) => e is JsonObject { } o && o["entry"] is JsonObject entry
                ? new ArchivedEvent((JsonObject)entry.DeepClone(), Time(o["time"], $"$.streams['{name}'][{i}].time"))
                : throw new FormatException($"$.streams['{name}'][{i}]: expected {{\"time\", \"entry\": {{…}}}}")).ToList();
        }
        return new StateArchive(show, read);
    }

    private static T Number<T>(JsonObject o, string name, string path) =>
        o[name] is JsonValue value && value.TryGetValue<T>(out var n) ? n : throw new FormatException($"{path}: expected a whole number");

    private static DateTimeOffset Time(JsonNode? node, string path) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t)
            ? t : throw new FormatException($"{path}: expected an ISO 8601 time");

    internal static string Text(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>One entry of an event stream and when it was appended.</summary>
public sealed record ArchivedEvent(JsonObject Entry, DateTimeOffset Time);

/// <summary>A store whose whole content can be read consistently while a show writes to it, and replaced.</summary>
public interface IArchivableStore
{
    /// <summary>The snapshot and every stream as of one moment (one read transaction, or one atomic Redis script).</summary>
    Task<StateArchive> ExportAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the snapshot and every stream with the archive's, atomically.</summary>
    Task ImportAsync(StateArchive archive, CancellationToken cancellationToken);
}
