using System.Text.Json.Nodes;

namespace StreamEngine.Application;

/// <summary>The show's chat sources and plugin behaviours (a show without them answers with empty lists and 404s).</summary>
public partial interface IShowControl
{
    /// <summary>The running chat sources and their connection state.</summary>
    IReadOnlyList<ChatSourceInfo> ChatSources() => [];

    /// <summary>Starts a chat source, or replaces the running one with this id (it reconnects); <paramref name="config"/> is <c>{ "type", "settings" }</c>.</summary>
    Task<ChatSourceInfo> PutChatSourceAsync(string id, JsonObject config) =>
        throw new ShowRequestException(RequestFailure.Unavailable, "this show has no chat sources", "id");

    /// <summary>Stops and removes a chat source.</summary>
    Task RemoveChatSourceAsync(string id) => throw new ShowRequestException(RequestFailure.NotFound, $"chat source '{id}' is not running", "id");

    /// <summary>Removes a chat message from the show and the chat layer at the next frame; NotFound when no message with this id is shown.</summary>
    Task RemoveChatMessageAsync(string id) => throw new ShowRequestException(RequestFailure.NotFound, $"no chat message with id '{id}' is in the show", "id");

    /// <summary>The show behaviours and their state.</summary>
    IReadOnlyList<BehaviourInfo> Behaviours() => [];

    /// <summary>Answers a request to a behaviour's route under <c>/api/behaviours/{id}/</c>; throws NotFound when it has no such route.</summary>
    Task<BehaviourReply> BehaviourRouteAsync(string id, string method, string path, JsonNode? body) =>
        throw new ShowRequestException(RequestFailure.NotFound, $"behaviour '{id}' is not running", "id");


    /// <summary>The encoder in use and its counters.</summary>
    EncoderInfo Encoder() => new("unknown", 0, 0, 0);

    /// <summary>
    /// Switches to another encoder while live. Not supported yet: a different encoder is refused (Conflict) with the
    /// reason; the one in use is a no-op. Restart the show with <c>ENCODER=id</c> to change it.
    /// </summary>
    Task<EncoderInfo> SwitchEncoderAsync(string id) =>
        throw new ShowRequestException(RequestFailure.Conflict, "switching the encoder while live is not supported yet; restart the show with ENCODER set", "id");
}

public sealed record EncoderInfo(string Id, int QueuedFrames, long FramesWritten, long FramesDropped);

public sealed record ChatSourceInfo(string Id, string Type, string State, string? Reason, int Reconnects, bool CanSend)
{
    /// <summary>Messages the source has posted since it started.</summary>
    public long Messages { get; init; }

    /// <summary>What the platform last said is left of each of its rate limits (X: per API endpoint).</summary>
    public IReadOnlyList<ChatRateLimitInfo> RateLimits { get; init; } = [];
}

/// <summary>One of a platform's rate limits: requests the window allows, requests left, and when it starts again.</summary>
public sealed record ChatRateLimitInfo(string Endpoint, int Limit, int Remaining, DateTimeOffset ResetsAt);

public sealed record BehaviourInfo(string Id, string State, string? LastError, long Errors, IReadOnlyList<string> Routes)
{
    /// <summary>The panel the behaviour adds to the dashboard (checked: it names only the behaviour's routes), or null.</summary>
    public StreamEngine.Sdk.Behaviours.BehaviourPanel? Panel { get; init; }
}

/// <summary>A behaviour's answer to a route: its status and JSON body.</summary>
public sealed record BehaviourReply(int Status, JsonNode? Body);
