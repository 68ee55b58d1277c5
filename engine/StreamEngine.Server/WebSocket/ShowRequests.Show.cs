using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Application;
using static StreamEngine.Server.WebSocket.RequestFields;

namespace StreamEngine.Server.WebSocket;

internal sealed partial class ShowRequests
{
    /// <summary>obs-websocket's limit for one Sleep.</summary>
    private const int MaxSleepMillis = 50_000;

    private Task<JsonObject?> GetVersion(JsonObject data, RequestContext context) => Done(new JsonObject
    {
        ["engineVersion"] = ProtocolVersion.Engine,
        ["rpcVersion"] = ProtocolVersion.Rpc,
        ["availableRequests"] = new JsonArray(RequestTypes.Order(StringComparer.Ordinal).Select(t => (JsonNode?)t).ToArray()),
        // obs-websocket clients read these: the engine speaks a subset of obs-websocket 5 (docs/protocol.md).
        ["obsVersion"] = ProtocolVersion.ObsStudio, ["obsWebSocketVersion"] = ProtocolVersion.ObsWebSocket,
        ["supportedImageFormats"] = new JsonArray(), // no screenshots (GetSourceScreenshot is not supported)
        ["platform"] = "streamengine", ["platformDescription"] = $"StreamEngine {ProtocolVersion.Engine}",
    });

    private Task<JsonObject?> GetShowInfo(JsonObject data, RequestContext context) => Done(ToJson(_show.Info).AsObject());

    private Task<JsonObject?> GetStats(JsonObject data, RequestContext context) => Done(ToJson(_show.Stats()).AsObject());

    private async Task<JsonObject?> StartAnimation(JsonObject data, RequestContext context)
    {
        var animation = (JsonObject)RequiredObject(data, "animation").DeepClone();
        return new JsonObject { ["animationId"] = await _show.StartAnimationAsync(animation) };
    }

    private async Task<JsonObject?> ControlAnimation(JsonObject data, RequestContext context)
    {
        var id = RequiredString(data, "animationId");
        var control = new AnimationControl(
            RequiredString(data, "action"), OptionalNumber(data, "seconds"), OptionalString(data, "label"), OptionalNumber(data, "speed"));
        await _show.ControlAnimationAsync(id, control);
        return null;
    }

    private async Task<JsonObject?> GetAnimationList(JsonObject data, RequestContext context)
    {
        var animations = await _show.AnimationsAsync();
        return new JsonObject { ["animations"] = new JsonArray(animations.Select(a => (JsonNode?)a.DeepClone()).ToArray()) };
    }

    private async Task<JsonObject?> RaiseShowEvent(JsonObject data, RequestContext context)
    {
        await _show.RaiseEventAsync(RequiredString(data, "eventName"));
        return null;
    }

    private async Task<JsonObject?> InjectChatMessage(JsonObject data, RequestContext context)
    {
        await _show.InjectChatAsync(ChatInput.FromJson(data));
        return null;
    }

    private Task<JsonObject?> GetOutputList(JsonObject data, RequestContext context) =>
        Done(new JsonObject { ["outputs"] = ToJsonArray(_show.Outputs()) });

    private async Task<JsonObject?> AddOutput(JsonObject data, RequestContext context) =>
        new() { ["outputId"] = await _show.AddOutputAsync(RequiredString(data, "target"), data["overwrite"] is JsonValue v && v.GetValueKind() == JsonValueKind.True,
            OutputRenditions.FromJson(data["rendition"], _show.Info)) };

    private async Task<JsonObject?> RemoveOutput(JsonObject data, RequestContext context)
    {
        await _show.RemoveOutputAsync(RequiredString(data, "outputId"));
        return null;
    }

    private Task<JsonObject?> GetPluginList(JsonObject data, RequestContext context) =>
        Done(new JsonObject { ["plugins"] = ToJsonArray(_show.Plugins()) });

    private async Task<JsonObject?> ReloadPlugin(JsonObject data, RequestContext context) =>
        new() { ["plugin"] = ToJson(await _show.ReloadPluginAsync(RequiredString(data, "pluginId"))) };

    private Task<JsonObject?> GetScriptList(JsonObject data, RequestContext context) =>
        Done(new JsonObject { ["scripts"] = ToJsonArray(_show.Scripts()) });

    private async Task<JsonObject?> ReloadScript(JsonObject data, RequestContext context) =>
        ToJson(await _show.ReloadScriptAsync(RequiredString(data, "scriptName"))).AsObject();

    /// <summary>A pause between the requests of a serial batch, as in obs-websocket.</summary>
    private async Task<JsonObject?> Sleep(JsonObject data, RequestContext context)
    {
        if (context.ExecutionType != RequestBatchExecutionType.SerialRealtime)
            throw new RequestFieldException(RequestStatus.UnsupportedRequestBatchExecutionType, "Sleep only works inside a serial batch (executionType 0).");
        var millis = RequiredInteger(data, "sleepMillis", 0, MaxSleepMillis);
        await Task.Delay(TimeSpan.FromMilliseconds(millis), _time, context.Cancellation);
        return null;
    }
}
