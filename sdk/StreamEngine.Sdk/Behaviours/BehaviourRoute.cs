using System.Text.Json.Nodes;

namespace StreamEngine.Sdk.Behaviours;

/// <summary>
/// A REST route a behaviour serves at <c>/api/behaviours/{id}/{Path}</c>. Routes other than GET need the API's
/// mutation right (its token), like every other change. The handler is called on the frame thread, between frames
/// (so it may use the show API and the behaviour's state); after an <c>await</c> it is no longer on it.
/// </summary>
/// <param name="Method">The HTTP method: <c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c> or <c>DELETE</c>.</param>
/// <param name="Path">The path under the behaviour, without a leading slash (<c>count</c>, <c>lots/open</c>).</param>
/// <param name="Handle">Answers a request.</param>
public sealed record BehaviourRoute(string Method, string Path, Func<BehaviourRequest, Task<BehaviourResponse>> Handle);

/// <summary>A request to a behaviour's route.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path under the behaviour.</param>
/// <param name="Body">The JSON body, or null when there was none.</param>
public sealed record BehaviourRequest(string Method, string Path, JsonNode? Body);

/// <summary>A behaviour's answer: a status and a JSON body.</summary>
/// <param name="Status">The HTTP status (200 to 599).</param>
/// <param name="Body">The JSON body, or null for none.</param>
public sealed record BehaviourResponse(int Status, JsonNode? Body)
{
    /// <summary>200 with a body.</summary>
    /// <param name="body">The JSON body.</param>
    public static BehaviourResponse Ok(JsonNode? body) => new(200, body);

    /// <summary>A client error with a problem body naming the field: the engine sends it as <c>application/problem+json</c>.</summary>
    /// <param name="status">400 to 499.</param>
    /// <param name="field">The input at fault.</param>
    /// <param name="detail">What was expected.</param>
    public static BehaviourResponse Problem(int status, string field, string detail) =>
        new(status, new JsonObject { ["title"] = "Invalid request", ["status"] = status, ["detail"] = detail, ["field"] = field });
}
