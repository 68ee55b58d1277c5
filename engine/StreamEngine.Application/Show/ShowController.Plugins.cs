using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Application;

/// <summary>The control plane's view of chat sources and show behaviours; their state changes and events reach subscribers.</summary>
public sealed partial class ShowController
{
    private ShowExtensions Extensions => session.Extensions
        ?? throw new ShowRequestException(RequestFailure.Unavailable, "this show runs without plugin extensions", "id");

    /// <summary>The id of the encoder in use (ENCODER).</summary>
    public string EncoderId { get; init; } = "ffmpeg";

    public EncoderInfo Encoder()
    {
        var stats = encoder.Stats();
        return new EncoderInfo(EncoderId, stats.QueuedFrames, stats.FramesWritten, stats.FramesDropped);
    }

    /// <summary>Handing over to another encoder at a keyframe is not built yet: the same one is a no-op, another is refused with the reason.</summary>
    public Task<EncoderInfo> SwitchEncoderAsync(string id) => id.Equals(EncoderId, StringComparison.OrdinalIgnoreCase)
        ? Task.FromResult(Encoder())
        : throw new ShowRequestException(RequestFailure.Conflict,
            $"switching the encoder from '{EncoderId}' to '{id}' while live is not supported yet (it would need a hand-over at a keyframe); restart the show with ENCODER={id}", "id");

    public IReadOnlyList<ChatSourceInfo> ChatSources() => session.Extensions is { } x
        ? [.. x.ChatSources.List().Select(s => new ChatSourceInfo(s.Id, s.Type, s.State.ToString(), s.Reason, s.Reconnects, s.CanSend) {
            Messages = s.Messages, RateLimits = [.. s.RateLimits.Select(r => new ChatRateLimitInfo(r.Endpoint, r.Limit, r.Remaining, r.ResetsAt))],
        })]
        : [];

    public async Task<ChatSourceInfo> PutChatSourceAsync(string id, JsonObject config)
    {
        var body = (JsonObject)config.DeepClone();
        body["id"] = id;
        var problems = new List<ValidationProblem>();
        var source = ChatSettings.ReadSource(body, "body", t => session.Plugins.ChatSource(t) is not null, problems)
            ?? throw new ShowRequestException(RequestFailure.Invalid, string.Join("; ", problems), problems[0].Path.Replace("body.", ""));
        try { await Extensions.ChatSources.ReplaceAsync(source, CancellationToken.None); }
        catch (ArgumentException e) { throw new ShowRequestException(RequestFailure.Invalid, StreamEngine.Core.Chat.ChatSources.Reason(e), e.ParamName ?? "settings"); }
        return ChatSources().First(s => s.Id == id);
    }

    public async Task RemoveChatSourceAsync(string id)
    {
        if (!await Extensions.ChatSources.RemoveAsync(id))
            throw new ShowRequestException(RequestFailure.NotFound, $"chat source '{id}' is not running", "id");
    }

    public IReadOnlyList<BehaviourInfo> Behaviours() =>
    [
        .. session.Scripts.BehaviourStatuses().Select(s =>
        {
            var id = s.Name["behaviour:".Length..];
            var behaviour = session.Scripts.Behaviour(id);
            var routes = behaviour?.Routes.Select(r => $"{r.Method} /api/behaviours/{id}/{r.Path}").ToList() ?? [];
            return new BehaviourInfo(id, s.State.ToString().ToLowerInvariant(), s.LastError?.ToString(), s.Errors, routes)
            {
                Panel = behaviour is null ? null : BehaviourPanels.Checked(behaviour),
            };
        }),
    ];

    public async Task<BehaviourReply> BehaviourRouteAsync(string id, string method, string path, JsonNode? body)
    {
        var reply = await Extensions.RouteAsync(id, method, path, body)
            ?? throw new ShowRequestException(RequestFailure.NotFound, $"behaviour '{id}' has no route {method} {path}", "path");
        if (method != "GET") session.StateChanged(); // a route may change the behaviour's state: save it with the show soon
        return new BehaviourReply(reply.Status, reply.Body);
    }

    private void StartPluginEvents()
    {
        if (session.Extensions is not { } x) return;
        x.BehaviourEvent += OnBehaviourEvent;
        x.ChatSources.StateChanged += OnChatSourceState;
    }

    private void StopPluginEvents()
    {
        if (session.Extensions is not { } x) return;
        x.BehaviourEvent -= OnBehaviourEvent;
        x.ChatSources.StateChanged -= OnChatSourceState;
    }

    private void OnBehaviourEvent(string id, string type, JsonObject data) =>
        Publish(EventCategory.Behaviours, "BehaviourEvent", new JsonObject { ["behaviour"] = id, ["type"] = type, ["data"] = data });

    private void OnChatSourceState(string id, ChatConnectionState state, string? reason) =>
        Publish(EventCategory.Chat, "ChatSourceStateChanged", new JsonObject { ["sourceId"] = id, ["state"] = state.ToString(), ["reason"] = reason });
}
