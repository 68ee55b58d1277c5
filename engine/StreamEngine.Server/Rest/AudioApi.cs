using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamEngine.Application;
using StreamEngine.Core.Audio;
using static StreamEngine.Server.Rest.ShowApi;

namespace StreamEngine.Server.Rest;

/// <summary>The show's sound under /api/audio: channels and levels, a channel's gain and mute, a sound played (docs/audio.md).</summary>
internal static class AudioApi
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder change, IShowControl show)
    {
        api.MapGet("/audio", () => Results.Ok(show.Audio()))
            .Reads<AudioInfo>("GetAudio", "The sound: channels with gain, mute and level, and the mix's level and loudness", "Audio");
        change.MapPatch("/audio/channels/{id}", (string id, HttpRequest request) => WithBody(request, async body =>
            Results.Ok(await show.SetAudioChannelAsync(id, Number(body, "gainDb"), Flag(body, "muted")))))
            .Changes("SetAudioChannel", "Set a channel's gain (-60 to 12 dB) and/or mute it", "Audio", 200, typeof(AudioChannelStatus))
            .Body<AudioChannelBody>().Problems(404);
        change.MapPost("/audio/play", (HttpRequest request) => WithBody(request, async body =>
            Results.Ok(await show.PlaySoundAsync(Text(body, "cue") ?? "", Text(body, "channel")))))
            .Changes("PlaySound", "Play a named sound (gavel, bid-chime, tick …) now, on the effects channel or the one named", "Audio", 200, typeof(SoundPlayed))
            .Body<PlaySoundBody>().Problems(404, 409, 422);
    }

    private static double? Number(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        _ => throw new ShowRequestException(RequestFailure.Invalid, $"{field}: expected a number from -60 to 12 (dB)", field),
    };

    private static bool? Flag(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw new ShowRequestException(RequestFailure.Invalid, $"{field}: expected true or false", field),
    };

    private static string? Text(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new ShowRequestException(RequestFailure.Invalid, $"{field}: expected a string", field),
    };
}
