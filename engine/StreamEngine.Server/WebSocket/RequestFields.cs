using System.Text.Json.Nodes;

namespace StreamEngine.Server.WebSocket;

/// <summary>A field of <c>requestData</c> that is missing or wrong: answered with its status and a comment naming it.</summary>
internal sealed class RequestFieldException(RequestStatus status, string message) : Exception(message)
{
    public RequestStatus Status { get; } = status;
}

/// <summary>Reads the fields of <c>requestData</c>, naming the field and what was expected when one is wrong.</summary>
internal static class RequestFields
{
    public static string RequiredString(JsonObject data, string field)
    {
        var value = OptionalString(data, field) ?? throw Missing(field, "a string");
        if (value.Length == 0) throw new RequestFieldException(RequestStatus.RequestFieldEmpty, $"Field `{field}` is empty.");
        return value;
    }

    public static string? OptionalString(JsonObject data, string field)
    {
        var node = data[field];
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        throw WrongType(field, "a string");
    }

    public static JsonObject RequiredObject(JsonObject data, string field) => data[field] switch
    {
        null => throw Missing(field, "an object"),
        JsonObject value => value,
        _ => throw WrongType(field, "an object"),
    };

    public static IReadOnlyList<string> RequiredStringArray(JsonObject data, string field)
    {
        if (data[field] is not JsonArray array) throw data[field] is null ? Missing(field, "an array of strings") : WrongType(field, "an array of strings");
        var items = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var text)) throw WrongType(field, "an array of strings");
            items.Add(text);
        }
        return items;
    }

    public static IReadOnlyList<JsonObject> RequiredObjectArray(JsonObject data, string field)
    {
        if (data[field] is not JsonArray array) throw data[field] is null ? Missing(field, "an array of objects") : WrongType(field, "an array of objects");
        return [.. array.Select(item => item as JsonObject ?? throw WrongType(field, "an array of objects"))];
    }

    public static double? OptionalNumber(JsonObject data, string field)
    {
        var node = data[field];
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<double>(out var number)) return number;
        throw WrongType(field, "a number");
    }

    public static int RequiredInteger(JsonObject data, string field, int min, int max)
    {
        var node = data[field] ?? throw Missing(field, "an integer");
        if (node is not JsonValue value || !value.TryGetValue<int>(out var number)) throw WrongType(field, "an integer");
        if (number < min || number > max)
            throw new RequestFieldException(RequestStatus.RequestFieldOutOfRange, $"Field `{field}` is {number}; allowed: {min} … {max}.");
        return number;
    }

    private static RequestFieldException Missing(string field, string expected) =>
        new(RequestStatus.MissingRequestField, $"Missing field `{field}` ({expected}).");

    private static RequestFieldException WrongType(string field, string expected) =>
        new(RequestStatus.InvalidRequestFieldType, $"Field `{field}` must be {expected}.");
}
