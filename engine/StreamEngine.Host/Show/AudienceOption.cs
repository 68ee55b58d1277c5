using StreamEngine.Application;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Core.Chat;

namespace StreamEngine.Host.Show;

/// <summary>
/// <c>--audience FILE</c> of run, render, demo and bench: one more chat source, id <c>audience</c>, of the chat source
/// type the file names in <c>"type"</c> (default <c>simulated</c>, the simulated audience plugin), with the file's object
/// as its settings. The host reads only JSON here; what the settings mean is the plugin's business.
/// </summary>
internal static class AudienceOption
{
    public const string DefaultType = "simulated";

    public static Option<string?> Create() =>
        new("--audience") { Description = "a chat source configured by this JSON file (the simulated audience: scripted messages at show times, or generated at a rate)" };

    /// <summary>The chat source the file configures, or null when no file was given.</summary>
    public static ChatSourceConfig? Read(string? path)
    {
        if (path is null) return null;
        JsonObject settings;
        try { settings = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject ?? throw new JsonException("expected an object"); }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(path, "--audience", $"expected a JSON object configuring the audience (see docs/chat.md): {e.Message}");
        }
        var type = settings["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : DefaultType;
        settings.Remove("type");
        return new ChatSourceConfig("audience", type, settings);
    }
}
