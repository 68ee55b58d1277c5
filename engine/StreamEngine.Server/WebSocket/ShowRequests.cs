using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using StreamEngine.Application;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// The requests of the protocol, each a thin translation of <c>requestData</c> into a call on <see cref="IShowControl"/>
/// and of its result into <c>responseData</c>. Failures become a status code and a comment; nothing throws out.
/// </summary>
internal sealed partial class ShowRequests
{
    private delegate Task<JsonObject?> Handler(JsonObject data, RequestContext context);

    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly IShowControl _show;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Handler> _handlers;

    public ShowRequests(IShowControl show, TimeProvider time, ILogger logger)
    {
        _show = show;
        _time = time;
        _logger = logger;
        _handlers = new(StringComparer.Ordinal)
        {
            ["GetVersion"] = GetVersion, ["GetShowInfo"] = GetShowInfo, ["GetStats"] = GetStats,
            ["GetLayerList"] = GetLayerList, ["GetLayer"] = GetLayer, ["CreateLayer"] = CreateLayer,
            ["SetLayer"] = SetLayer, ["RemoveLayer"] = RemoveLayer, ["ReorderLayers"] = ReorderLayers, ["SwitchScene"] = SwitchScene,
            ["StartAnimation"] = StartAnimation, ["ControlAnimation"] = ControlAnimation,
            ["GetAnimationList"] = GetAnimationList, ["RaiseShowEvent"] = RaiseShowEvent, ["InjectChatMessage"] = InjectChatMessage,
            ["GetOutputList"] = GetOutputList, ["AddOutput"] = AddOutput, ["RemoveOutput"] = RemoveOutput,
            ["GetPluginList"] = GetPluginList, ["ReloadPlugin"] = ReloadPlugin, ["GetScriptList"] = GetScriptList, ["ReloadScript"] = ReloadScript,
            ["Sleep"] = Sleep,
            ["GetSceneList"] = GetSceneList, ["GetCurrentProgramScene"] = GetCurrentProgramScene, ["SetCurrentProgramScene"] = SetCurrentProgramScene,
            ["CreateScene"] = CreateScene, ["SetSceneLayers"] = SetSceneLayers, ["RemoveScene"] = RemoveScene,
            ["GetSceneItemList"] = GetSceneItemList, ["GetSceneItemId"] = GetSceneItemId, ["GetSceneItemEnabled"] = GetSceneItemEnabled,
            ["SetSceneItemEnabled"] = SetSceneItemEnabled, ["GetInputSettings"] = GetInputSettings, ["SetInputSettings"] = SetInputSettings,
            ["GetStreamStatus"] = GetStreamStatus, ["StartStream"] = StartStream, ["StopStream"] = StopStream,
            ["GetRecordStatus"] = GetRecordStatus, ["StartRecord"] = StartRecord, ["StopRecord"] = StopRecord,
            ["GetAudio"] = GetAudio, ["SetAudioChannel"] = SetAudioChannel, ["PlaySound"] = PlaySound,
        };
    }

    public IEnumerable<string> RequestTypes => _handlers.Keys;

    /// <summary>Answers <c>{requestType, requestId?, requestData?}</c> with <c>{requestType, requestId?, requestStatus, responseData?}</c>.</summary>
    public async Task<JsonObject> AnswerAsync(JsonObject request, RequestContext context)
    {
        var type = request["requestType"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        return Answer(request, await ExecuteAsync(type, request["requestData"], context));
    }

    /// <summary>The answer to a request that did not run (or did, with <paramref name="result"/>).</summary>
    public static JsonObject Answer(JsonObject request, RequestResult result)
    {
        var answer = new JsonObject { ["requestType"] = request["requestType"]?.DeepClone() };
        if (request["requestId"] is { } requestId) answer["requestId"] = requestId.DeepClone();
        answer["requestStatus"] = result.StatusJson();
        if (result.ResponseData is not null) answer["responseData"] = result.ResponseData;
        return answer;
    }

    private async Task<RequestResult> ExecuteAsync(string? type, JsonNode? data, RequestContext context)
    {
        if (type is null) return RequestResult.Failure(RequestStatus.MissingRequestType, "Missing `requestType` (a string).");
        if (!_handlers.TryGetValue(type, out var handler))
            return RequestResult.Failure(RequestStatus.UnknownRequestType, $"Unknown requestType `{type}`: StreamEngine does not support it (GetVersion lists the requests it does; docs/protocol.md).");
        if (data is not null and not JsonObject)
            return RequestResult.Failure(RequestStatus.InvalidRequestFieldType, "`requestData` must be an object.");
        if (!context.MayMutate && MutationPolicy.IsMutating(type))
            return RequestResult.Failure(RequestStatus.NotAuthorized, MutationPolicy.NotAuthorizedComment);
        try
        {
            var receipt = SaveReceipt.Begin();
            var responseData = await handler(data as JsonObject ?? [], context);
            return receipt.NotSavedReason is { } reason
                ? new RequestResult(RequestStatus.AppliedNotSaved, $"Applied, not yet saved: {reason}", responseData)
                : RequestResult.Success(responseData);
        }
        catch (RequestFieldException e)
        {
            return Rejected(type, e.Status, e.Message);
        }
        catch (ShowRequestException e)
        {
            var comment = e.Field is null ? e.Message : $"Field `{e.Field}`: {e.Message}";
            return Rejected(type, StatusOf(e.Failure), comment);
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            return RequestResult.Failure(RequestStatus.RequestProcessingFailed, "The session is closing.");
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "WebSocket request {RequestType} failed in the engine", type);
            return RequestResult.Failure(RequestStatus.RequestProcessingFailed, "The engine failed to carry out the request; see the engine log.");
        }
    }

    private RequestResult Rejected(string type, RequestStatus status, string comment)
    {
        _logger.LogDebug("WebSocket request {RequestType} rejected: {Status} {Comment}", type, status, comment);
        return RequestResult.Failure(status, comment);
    }

    private static RequestStatus StatusOf(RequestFailure failure) => failure switch
    {
        RequestFailure.NotFound => RequestStatus.ResourceNotFound,
        RequestFailure.Conflict => RequestStatus.ResourceAlreadyExists,
        RequestFailure.Unavailable => RequestStatus.NotReady,
        RequestFailure.Failed => RequestStatus.RequestProcessingFailed,
        _ => RequestStatus.InvalidRequestField,
    };

    private static JsonNode ToJson<T>(T value) => JsonSerializer.SerializeToNode(value, RecordJson)!;

    private static JsonArray ToJsonArray<T>(IEnumerable<T> values) => new(values.Select(v => (JsonNode?)ToJson(v)).ToArray());

    private static Task<JsonObject?> Done(JsonObject? responseData = null) => Task.FromResult(responseData);
}
