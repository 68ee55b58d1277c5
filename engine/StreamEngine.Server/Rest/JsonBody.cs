using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StreamEngine.Application;

namespace StreamEngine.Server.Rest;

/// <summary>Reads a request body as a JSON object, turning every way it can be wrong into a problem naming the body.</summary>
internal static class JsonBody
{
    public static async Task<(JsonObject? Body, IResult? Problem)> ReadAsync(HttpRequest request, bool required = true)
    {
        try
        {
            var node = await RequestJson.ParseAsync(request.Body, request.HttpContext.RequestAborted);
            if (node is JsonObject body) return (body, null);
            if (node is null && !required) return (new JsonObject(), null);
            return (null, Problems.BadRequest("body: expected a JSON object", "body"));
        }
        catch (JsonException e) when (!required && request.ContentLength is 0 or null && e.BytePositionInLine == 0)
        {
            return (new JsonObject(), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"body: not valid JSON ({e.Message})", "body"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Result(StatusCodes.Status413PayloadTooLarge, "body: larger than the server accepts", "body"));
        }
    }
}
