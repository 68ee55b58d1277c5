using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.Application;

namespace StreamEngine.Server.Rest;

/// <summary>The REST API under /api: the show, layers, animations, events, outputs, stats, plugins.</summary>
internal static class ShowApi
{
    public static void MapShowApi(this IEndpointRouteBuilder app, IShowControl show, string host)
    {
        var api = app.MapGroup("/api").RequireHost(host);
        var change = api.MapGroup("").AddEndpointFilterFactory(RequestAuth.RequireMutationRight).AddEndpointFilter(UnsavedChanges.Report);

        api.MapGet("/show", () => Results.Ok(show.Info)).Reads<ShowInfo>("GetShow", "The show: frame size and rate, show time, layers", "Show");
        api.MapGet("/stats", () => Results.Ok(show.Stats())).Reads<StatsInfo>("GetStats", "Frame statistics: frames, drops, render times", "Show");
        api.MapGet("/plugins", () => Results.Ok(show.Plugins())).Reads<PluginInfo[]>("GetPlugins", "Plugins and the layer types they provide", "Show");
        api.MapGet("/layers", async () => Results.Json(new JsonArray([.. (await show.LayersAsync()).Select(l => (JsonNode)LayerJson.ToJson(l))])))
            .Reads<LayerState[]>("GetLayers", "Every layer, bottom first", "Layers");
        api.MapGet("/layers/{id}", async (string id) => await show.LayerAsync(id) is { } layer
            ? Results.Json(LayerJson.ToJson(layer))
            : Problems.Result(404, $"layer '{id}' does not exist", "id")).Reads<LayerState>("GetLayer", "One layer", "Layers").Problems(404);
        api.MapGet("/animations", () => Handle(async () => Results.Json(new JsonArray([.. (await show.AnimationsAsync()).Select(a => (JsonNode)a)]))))
            .Reads<JsonObject[]>("GetAnimations", "Running animations, as started", "Animations");
        // Read-only, like the other GETs: the files an hls: output writes, confined to RECORDINGS_DIR/hls (RecordingsFolder.HlsFile).
        api.MapGet("/hls/{**path}", (string path) => Handle(() =>
        {
            var file = show.HlsFile(path);
            var playlist = file.EndsWith(".m3u8", StringComparison.Ordinal);
            return Task.FromResult(Results.Bytes(File.ReadAllBytes(file), playlist ? "application/vnd.apple.mpegurl" : "video/mp2t"));
        })).WithName("GetHlsFile").WithSummary("A playlist or segment an hls: output wrote (master.m3u8, HEIGHTp/index.m3u8, segments)").WithTags("Outputs")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.apple.mpegurl").Problems(404);
        api.MapGet("/outputs", () => Results.Ok(show.Outputs())).Reads<OutputInfo[]>("GetOutputs", "Outputs, their state and bytes sent (secrets masked)", "Outputs");
        api.MapGet("/scripts", () => Results.Ok(show.Scripts())).Reads<ScriptInfo[]>("GetScripts", "The show's scripts and their last errors", "Show");
        api.MapGet("/layer-types", () => Results.Ok(show.LayerTypes()))
            .Reads<LayerTypeInfo[]>("GetLayerTypes", "Layer types, their plugin and the JSON Schema of their props", "Layers");

        // The dashboard's login: answers 204 when the token may change the show (401 otherwise) and changes nothing.
        change.MapPost("/auth", () => Results.NoContent())
            .Changes("CheckAuth", "Whether this request may change the show: 204, else 401; changes nothing", "Show", 204);

        change.MapPost("/layers", (HttpRequest request) => WithBody(request, async body =>
        {
            var layer = LayerJson.FromJson(body);
            var added = await show.AddLayerAsync(layer);
            return Results.Created($"/api/layers/{added.Id}", LayerJson.ToJson(added));
        })).Changes("AddLayer", "Add a layer", "Layers", 201, typeof(LayerState)).Body<LayerState>();
        change.MapPatch("/layers/{id}", (string id, HttpRequest request) => WithBody(request, async body =>
            Results.Json(LayerJson.ToJson(await show.PatchLayerAsync(id, body)))))
            .Changes("PatchLayer", "Change a layer with a JSON merge patch (RFC 7386); null removes a property", "Layers", 200, typeof(LayerState))
            .Body<JsonObject>().Problems(404);
        change.MapDelete("/layers/{id}", (string id) => Handle(async () =>
        {
            await show.RemoveLayerAsync(id);
            return Results.NoContent();
        })).Changes("RemoveLayer", "Remove a layer", "Layers", 204).Problems(404);
        change.MapPost("/layers/reorder", (HttpRequest request) => WithBody(request, async body =>
        {
            if (body["order"] is not JsonArray order || order.Any(n => n is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
                return Problems.BadRequest("order: expected an array of layer ids, bottom first", "order");
            await show.ReorderAsync([.. order.Select(n => n!.GetValue<string>())]);
            return Results.NoContent();
        })).Changes("ReorderLayers", "Draw layers in this order", "Layers", 204).Body<ReorderBody>().Problems(404);
        SceneApi.Map(api, change, show);
        AudioApi.Map(api, change, show);
        change.MapPost("/scene", (HttpRequest request) => WithBody(request, async body =>
        {
            if (body["layers"] is not JsonArray layers) return Problems.BadRequest("layers: expected an array of layers", "layers");
            var transition = body["transition"] as JsonObject ?? [];
            await show.SwitchSceneAsync([.. layers.Select(l => LayerJson.FromJson(l!))],
                transition["kind"]?.GetValue<string>() ?? "cut", transition["duration"]?.GetValue<double>() ?? 0.5,
                transition["easing"]?.GetValue<string>() ?? "easeInOutSine");
            return Results.NoContent();
        })).Changes("SwitchScene", "Replace every layer at once, with a transition", "Layers", 204).Body<SceneBody>();
        change.MapPost("/animations", (HttpRequest request) => WithBody(request, async body =>
        {
            var id = await show.StartAnimationAsync(body);
            return Results.Created($"/api/animations/{id}", new { id });
        })).Changes("StartAnimation", "Start an animation or timeline", "Animations", 201, typeof(CreatedId)).Body<JsonObject>().Problems(404);
        change.MapPost("/animations/{id}/{action}", (string id, string action, HttpRequest request) => WithBody(request, async body =>
        {
            await show.ControlAnimationAsync(id, new AnimationControl(action,
                body["seconds"]?.GetValue<double>(), body["label"]?.GetValue<string>(), body["speed"]?.GetValue<double>()));
            return Results.NoContent();
        }, required: false)).Changes("ControlAnimation", "Pause, resume, stop, seek, reverse or set the speed of an animation", "Animations", 204)
            .Body<AnimationControlBody>(optional: true).Problems(404);
        change.MapPost("/events/{name}", (string name) => Handle(async () =>
        {
            await show.RaiseEventAsync(name);
            return Results.Accepted();
        })).Changes("RaiseEvent", "Raise a show event (bid, sold …) for triggers and scripts", "Events", 202);
        change.MapPost("/chat", (HttpRequest request) => WithBody(request, async body =>
        {
            await show.InjectChatAsync(ChatInput.FromJson(body));
            return Results.Accepted();
        })).Changes("InjectChat", "Post a chat message as if a viewer had sent it", "Events", 202).Body<ChatBody>();
        change.MapPost("/outputs", (HttpRequest request) => WithBody(request, async body =>
        {
            if (body["target"] is not JsonValue target || target.GetValueKind() != JsonValueKind.String)
                return Problems.BadRequest("target: expected an rtmp://, rtmps://, srt:// URL or a file path", "target");
            var overwrite = body["overwrite"] switch
            {
                null => false,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                _ => throw new ShowRequestException(RequestFailure.Invalid, "overwrite: expected true or false", "overwrite"),
            };
            var id = await show.AddOutputAsync(target.GetValue<string>(), overwrite, OutputRenditions.FromJson(body["rendition"], show.Info));
            return Results.Created($"/api/outputs/{id}", new { id });
        })).Changes("AddOutput", "Start streaming or recording to another target", "Outputs", 201, typeof(CreatedId)).Body<OutputBody>().Problems(409);
        change.MapPost("/plugins/{id}/reload", (string id) => Handle(async () => Results.Ok(await show.ReloadPluginAsync(id))))
            .Changes("ReloadPlugin", "Load a plugin's folder again and swap it in", "Show", 200, typeof(PluginInfo)).Problems(404, 422);
        change.MapPost("/scripts/{name}/reload", (string name) => Handle(async () => Results.Ok(await show.ReloadScriptAsync(name))))
            .Changes("ReloadScript", "Compile a script again and swap it in at the next frame", "Show", 200, typeof(ScriptInfo)).Problems(404, 422);
        change.MapDelete("/outputs/{id}", (string id) => Handle(async () =>
        {
            await show.RemoveOutputAsync(id);
            return Results.NoContent();
        })).Changes("RemoveOutput", "Stop an output", "Outputs", 204).Problems(404);
    }

    private static string Text(JsonObject body, string field) =>
        body[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
            : throw new ShowRequestException(RequestFailure.Invalid, $"{field}: expected a string", field);

    internal static async Task<IResult> WithBody(HttpRequest request, Func<JsonObject, Task<IResult>> handle, bool required = true)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, required);
        return problem ?? await Handle(() => handle(body!));
    }

    internal static async Task<IResult> Handle(Func<Task<IResult>> handle)
    {
        try { return await handle(); }
        catch (ShowRequestException e) { return Problems.From(e); }
        catch (SceneException e) { return Problems.BadRequest(e.Message); }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Problems.BadRequest(e is JsonException j && j.Path is { } path ? $"{path}: {e.Message}" : e.Message, (e as JsonException)?.Path);
        }
    }
}
