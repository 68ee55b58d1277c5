using System.Text.Json.Nodes;

namespace StreamEngine.Server.WebSocket;

/// <summary>The outcome of one request: a status, a comment on failure, and the response data on success.</summary>
internal sealed record RequestResult(RequestStatus Status, string? Comment = null, JsonObject? ResponseData = null)
{
    /// <summary>Carried out (an applied change not yet saved too: it is on screen and is saved when the store is back).</summary>
    public bool Succeeded => Status is RequestStatus.Success or RequestStatus.AppliedNotSaved;

    public static RequestResult Success(JsonObject? responseData = null) => new(RequestStatus.Success, null, responseData);

    public static RequestResult Failure(RequestStatus status, string comment) => new(status, comment);

    public JsonObject StatusJson()
    {
        var status = new JsonObject { ["result"] = Succeeded, ["code"] = (int)Status };
        if (Comment is not null) status["comment"] = Comment;
        return status;
    }
}
