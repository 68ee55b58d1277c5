using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Sdk;
using StreamEngine.Toolkit;

namespace StreamEngine.Application;

/// <summary>A chat message injected through the API: author and text, and optionally badges, name color and highlight.</summary>
public sealed record ChatInput(string Author, string Text, IReadOnlyList<string> Badges, string? Color, string? Highlight)
{
    private static readonly string[] Highlights = ["bid", "question", "mention", "moderator"];

    /// <summary>Reads and checks <c>{ author, text, badges?, color?, highlight? }</c>; a bad field throws naming it.</summary>
    public static ChatInput FromJson(JsonObject body)
    {
        var author = Field(body, "author", 1, 64) ?? throw Invalid("author", "expected 1 to 64 characters");
        var text = Field(body, "text", 1, 500) ?? throw Invalid("text", "expected 1 to 500 characters");
        var badges = body["badges"] switch
        {
            null => [],
            JsonArray array when array.Count <= 5 && array.All(b => b is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length is > 0 and <= 24)
                => array.Select(b => b!.GetValue<string>()).ToList(),
            _ => throw Invalid("badges", "expected up to 5 strings of 1 to 24 characters, such as [\"moderator\"]"),
        };
        var color = Field(body, "color", 1, 16);
        if (color is not null && !ColorText.TryParse(color, out _)) throw Invalid("color", $"expected a color such as \"#ff8800\", got \"{color}\"");
        var highlight = Field(body, "highlight", 1, 16);
        if (highlight is not null && !Highlights.Contains(highlight)) throw Invalid("highlight", $"expected {string.Join(", ", Highlights)}, got \"{highlight}\"");
        return new ChatInput(author, text, badges, color, highlight);
    }

    private static string? Field(JsonObject body, string field, int min, int max) => body[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim().Length >= min && v.GetValue<string>().Length <= max => v.GetValue<string>(),
        _ => throw Invalid(field, $"expected a string of {min} to {max} characters"),
    };

    private static ShowRequestException Invalid(string field, string expected) => new(RequestFailure.Invalid, $"{field}: {expected}", field);
}
