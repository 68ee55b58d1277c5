using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamEngine.Application;
using static StreamEngine.Server.Rest.ShowApi;

namespace StreamEngine.Server.Rest;

/// <summary>Named scenes under /api/scenes: list, create, save, remove, switch (docs/api.md).</summary>
internal static class SceneApi
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder change, IShowControl show)
    {
        api.MapGet("/scenes", () => Handle(async () => Results.Ok(await show.ScenesAsync())))
            .Reads<SceneListInfo>("GetScenes", "Named scenes, their layers and the one on air", "Scenes");
        api.MapGet("/scenes/{name}/preview", (string name) => Handle(async () => Results.Bytes(await show.ScenePreviewAsync(name), "image/jpeg")))
            .WithName("GetScenePreview").WithSummary("A JPEG of a named scene as it would look on air now (drawn off the frame thread)").WithTags("Scenes")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").Problems(404);
        change.MapPost("/scenes", (HttpRequest request) => WithBody(request, async body =>
        {
            var name = Name(body["name"], "name");
            await show.CreateSceneAsync(name, SceneLayers.Read(body["layers"], "layers"));
            return Results.Created($"/api/scenes/{Uri.EscapeDataString(name)}", Scene(await show.ScenesAsync(), name));
        })).Changes("CreateScene", "Create a named scene from existing layer ids or new layers", "Scenes", 201, typeof(SceneInfo))
            .Body<SceneCreateBody>().Problems(409);
        change.MapPut("/scenes/{name}", (string name, HttpRequest request) => WithBody(request, async body =>
        {
            await show.SaveSceneAsync(name, SceneLayers.Read(body["layers"], "layers"));
            return Results.Ok(Scene(await show.ScenesAsync(), name));
        })).Changes("SaveScene", "Save a named scene's layer list", "Scenes", 200, typeof(SceneInfo)).Body<SceneSaveBody>().Problems(404);
        change.MapDelete("/scenes/{name}", (string name) => Handle(async () =>
        {
            await show.RemoveSceneAsync(name);
            return Results.NoContent();
        })).Changes("RemoveScene", "Remove a named scene (not the one on air)", "Scenes", 204).Problems(404, 409);
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
        }, required: false)).Changes("SwitchToScene", "Put a named scene on air with a transition (default cut)", "Scenes", 200, typeof(SceneInfo))
            .Body<SceneSwitchBody>(optional: true).Problems(404);
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
