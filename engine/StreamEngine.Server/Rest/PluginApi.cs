using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamEngine.Application;

namespace StreamEngine.Server.Rest;

/// <summary>
/// REST for what plugins add to a show: <c>/api/chat/sources</c> (list, put, delete) and the routes show behaviours
/// serve under <c>/api/behaviours/{id}/…</c>. Changes need the mutation right, as everywhere; a behaviour's GET routes do not.
/// </summary>
internal static class PluginApi
{
    private static readonly string[] ChangeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public static void MapPluginApi(this IEndpointRouteBuilder app, IShowControl show, string host)
    {
        var api = app.MapGroup("/api").RequireHost(host);
        var change = api.MapGroup("").AddEndpointFilterFactory(RequestAuth.RequireMutationRight).AddEndpointFilter(UnsavedChanges.Report);
        api.MapGet("/chat/sources", () => Results.Ok(show.ChatSources()))
            .Reads<ChatSourceInfo[]>("GetChatSources", "Running chat sources and their connection state", "Chat");
        change.MapPut("/chat/sources/{id}", async (string id, HttpRequest request) =>
        {
            var (body, problem) = await JsonBody.ReadAsync(request);
            return problem ?? await Handle(async () => Results.Ok(await show.PutChatSourceAsync(id, body!)));
        }).Changes("PutChatSource", "Start a chat source, or replace the running one with this id", "Chat", 200, typeof(ChatSourceInfo))
            .Body<ChatSourceBody>();
        change.MapDelete("/chat/sources/{id}", (string id) => Handle(async () =>
        {
            await show.RemoveChatSourceAsync(id);
            return Results.NoContent();
        })).Changes("RemoveChatSource", "Stop and remove a chat source", "Chat", 204).Problems(404);
        change.MapDelete("/chat/{id}", (string id) => Handle(async () =>
        {
            await show.RemoveChatMessageAsync(id);
            return Results.NoContent();
        })).Changes("RemoveChatMessage", "Remove a shown message from the show and the chat layer", "Chat", 204).Problems(404);
        api.MapGet("/encoder", () => Results.Ok(show.Encoder())).Reads<EncoderInfo>("GetEncoder", "The encoder in use and its counters", "Outputs");
        change.MapPut("/encoder", async (HttpRequest request) =>
        {
            var (body, problem) = await JsonBody.ReadAsync(request);
            if (problem is not null) return problem;
            if (body!["id"] is not JsonValue id || !id.TryGetValue<string>(out var encoderId))
                return Problems.BadRequest("id: expected the id of an encoder, such as \"ffmpeg\"", "id");
            return await Handle(async () => Results.Ok(await show.SwitchEncoderAsync(encoderId)));
        }).Changes("SwitchEncoder", "Switch the encoder; another encoder is refused while live (409)", "Outputs", 200, typeof(EncoderInfo))
            .Body<EncoderBody>().Problems(409);
        api.MapGet("/behaviours", () => Results.Ok(show.Behaviours())).Reads<BehaviourInfo[]>("GetBehaviours", "Show behaviours, their state and routes", "Behaviours");
        api.MapGet("/behaviours/{id}/{**path}", (string id, string? path) => Route(show, id, "GET", path ?? "", null))
            .Reads<JsonNode>("ReadBehaviour", "A behaviour's own read route; its answer is the behaviour's", "Behaviours").Problems(400, 404, 409);
        foreach (var method in ChangeMethods)
        {
            change.MapMethods("/behaviours/{id}/{**path}", [method], async (string id, string? path, HttpRequest request) =>
            {
                var (body, problem) = await JsonBody.ReadAsync(request, required: false);
                return problem ?? await Route(show, id, request.Method, path ?? "", body);
            }).Changes($"{method[0]}{method[1..].ToLowerInvariant()}Behaviour", $"A behaviour's own {method} route; its answer is the behaviour's", "Behaviours", 200, typeof(JsonNode))
                .Body<JsonNode>(optional: true).Problems(404, 409);
        }
    }

    private static Task<IResult> Route(IShowControl show, string id, string method, string path, JsonNode? body) => Handle(async () =>
    {
        var reply = await show.BehaviourRouteAsync(id, method, path, body);
        var status = reply.Status is >= 200 and <= 599 ? reply.Status : StatusCodes.Status502BadGateway;
        return status >= 400 && reply.Body is JsonObject
            ? Results.Json(reply.Body, statusCode: status, contentType: "application/problem+json")
            : Results.Json(reply.Body, statusCode: status);
    });

    private static async Task<IResult> Handle(Func<Task<IResult>> handle)
    {
        try { return await handle(); }
        catch (ShowRequestException e) { return Problems.From(e); }
    }
}
