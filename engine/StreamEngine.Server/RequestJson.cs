using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamEngine.Server;

/// <summary>
/// Reads a request's JSON the one way REST and the WebSocket share. A key given twice, or text that is not valid
/// Unicode (a lone surrogate escaped as <c>\ud800</c>), is refused here as bad JSON (<see cref="JsonException"/>): a
/// JsonObject would throw on first use otherwise, deep in a handler, and the client would get a server error.
/// </summary>
public static class RequestJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        try { return Check(JsonNode.Parse(utf8, documentOptions: Options)); }
        catch (InvalidOperationException e) { throw NotUnicode(e); } // a lone surrogate in a key, met by the duplicate check
    }

    public static async Task<JsonNode?> ParseAsync(Stream utf8, CancellationToken cancellationToken)
    {
        try { return Check(await JsonNode.ParseAsync(utf8, documentOptions: Options, cancellationToken: cancellationToken)); }
        catch (InvalidOperationException e) { throw NotUnicode(e); }
    }

    /// <summary>Reads every string once, which throws for a lone surrogate.</summary>
    private static JsonNode? Check(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o: foreach (var (_, value) in o) Check(value); break;
            case JsonArray a: foreach (var item in a) Check(item); break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String: _ = v.GetValue<string>(); break;
        }
        return node;
    }

    private static JsonException NotUnicode(InvalidOperationException e) => new($"text that is not valid Unicode ({e.Message})", e);
}
