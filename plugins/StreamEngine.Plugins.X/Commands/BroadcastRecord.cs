using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.X.Commands;

/// <summary>
/// The X ingest this engine set up, kept in <c>DATA/x/broadcast.json</c> between commands and runs: the source's id,
/// region and ingest URL, and the broadcast live on it. Never the stream key: X hands it out again on request
/// (<c>GET /2/sources/:id/stream_key</c>), so it stays out of files and output.
/// </summary>
public sealed record BroadcastRecord(string SourceId, string Name, string Region, string IngestUrl, string? BroadcastId = null, string? PostId = null)
{
    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "x", "broadcast.json");

    public static BroadcastRecord? Load(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path)) return null;
        try
        {
            var o = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            return new BroadcastRecord((string)o["source_id"]!, (string?)o["name"] ?? "", (string?)o["region"] ?? "", (string)o["ingest_url"]!,
                (string?)o["broadcast_id"], (string?)o["post_id"]);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return null; // unreadable: x broadcast create sets up a new one
        }
    }

    /// <summary>Written to a temp file, then renamed, so a crash leaves the previous record.</summary>
    public void Save(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var json = new JsonObject
        {
            ["source_id"] = SourceId, ["name"] = Name, ["region"] = Region, ["ingest_url"] = IngestUrl, ["broadcast_id"] = BroadcastId, ["post_id"] = PostId,
        };
        File.WriteAllText(path + ".tmp", json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
