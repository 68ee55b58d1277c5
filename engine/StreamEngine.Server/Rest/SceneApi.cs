using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamEngine.Server.Control;
using static StreamEngine.Server.Rest.ShowApi;

namespace StreamEngine.Server.Rest;

/// <summary>Named scenes under /api/scenes: list, create, save, remove, switch (docs/api.md).</summary>
internal static class SceneApi
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder change, IShowControl show)
    {
        api.MapGet("/scenes", () => Handle(async () => Results.Ok(await show.ScenesAsync())));
        change.MapPost("/scenes", (HttpRequest request) => WithBody(request, async body =>
        {
            var name = Name(body["name"], "name");
            await show.CreateSceneAsync(name, SceneLayers.Read(body["layers"], "layers"));
            return Results.Created($"/api/scenes/{Uri.EscapeDataString(name)}", Scene(await show.ScenesAsync(), name));
        }));
        change.MapPut("/scenes/{name}", (string name, HttpRequest request) => WithBody(request, async body =>
        {
            await show.SaveSceneAsync(name, SceneLayers.Read(body["layers"], "layers"));
            return Results.Ok(Scene(await show.ScenesAsync(), name));
        }));
        change.MapDelete("/scenes/{name}", (string name) => Handle(async () =>
        {
            await show.RemoveSceneAsync(name);
            return Results.NoContent();
        }));
        change.MapPost("/scenes/{name}/switch", (string name, HttpRequest request) => WithBody(request, async body =>
        {
            var transition = body["transition"] switch
            {
                null => [],
                JsonObject given => given,
                _ => throw new ShowRequestException(RequestFailure.Invalid, "transition: expected {\"kind\": \"crossfade\", \"duration\": 0.5, \"easing\": \"easeInOut\"}", "transition"),
            };
            await show.SwitchToSceneAsync(name, Text(transition, "kind", "transition.kind") ?? "cut",
                Number(transition, "duration", "transition.duration") ?? 0.5, Text(transition, "easing", "transition.easing") ?? "easeInOutSine");
            return Results.Ok(Scene(await show.ScenesAsync(), name));
        }, required: false));
    }

    private static SceneInfo? Scene(SceneListInfo list, string name) => list.Scenes.FirstOrDefault(s => s.Name == name);

    private static string Name(JsonNode? node, string field) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
            : throw new ShowRequestException(RequestFailure.Invalid, $"{field}: expected the scene's name", field);

    private static string? Text(JsonObject body, string key, string field) => body[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new ShowRequestException(RequestFailure.Invalid, $"{field}: expected a string", field),
    };

    private static double? Number(JsonObject body, string key, string field) => body[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        _ => throw new ShowRequestException(RequestFailure.Invalid, $"{field}: expected a number of seconds", field),
    };
}
