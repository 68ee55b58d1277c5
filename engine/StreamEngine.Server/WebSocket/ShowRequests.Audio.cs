using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Application;
using static StreamEngine.Server.WebSocket.RequestFields;

namespace StreamEngine.Server.WebSocket;

/// <summary>The show's sound, as <c>GET /api/audio</c>, <c>PATCH /api/audio/channels/{id}</c> and <c>POST /api/audio/play</c>.</summary>
internal sealed partial class ShowRequests
{
    private Task<JsonObject?> GetAudio(JsonObject data, RequestContext context) => Done(ToJson(_show.Audio()).AsObject());

    private async Task<JsonObject?> SetAudioChannel(JsonObject data, RequestContext context)
    {
        var muted = data["muted"] switch
        {
            null => (bool?)null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw new RequestFieldException(RequestStatus.InvalidRequestFieldType, "Field `muted` must be true or false."),
        };
        return new JsonObject { ["channel"] = ToJson(await _show.SetAudioChannelAsync(RequiredString(data, "channelId"), OptionalNumber(data, "gainDb"), muted)) };
    }

    private async Task<JsonObject?> PlaySound(JsonObject data, RequestContext context) =>
        ToJson(await _show.PlaySoundAsync(RequiredString(data, "cue"), OptionalString(data, "channelId"))).AsObject();
}
