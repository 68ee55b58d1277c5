using Microsoft.AspNetCore.Http;
using StreamEngine.Application;

namespace StreamEngine.Server.Rest;

/// <summary>RFC 7807 problem details for every error, naming the field when there is one.</summary>
internal static class Problems
{
    public static IResult From(ShowRequestException e) => Result(e.Failure switch
    {
        RequestFailure.NotFound => StatusCodes.Status404NotFound,
        RequestFailure.Conflict => StatusCodes.Status409Conflict,
        RequestFailure.Unavailable => StatusCodes.Status503ServiceUnavailable,
        RequestFailure.Failed => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    }, e.Message, e.Field);

    public static IResult BadRequest(string detail, string? field = null) => Result(StatusCodes.Status400BadRequest, detail, field);

    public static IResult Unauthorized(string detail) => Result(StatusCodes.Status401Unauthorized, detail, null);

    public static IResult Result(int status, string detail, string? field) => Results.Problem(
        detail: detail,
        statusCode: status,
        title: status switch
        {
            400 => "Invalid request", 401 => "Not authorized", 403 => "Forbidden origin", 404 => "Not found", 409 => "Conflict", 413 => "Too large",
            415 => "Not JSON", 421 => "Wrong host", 503 => "Unavailable", _ => "Error",
        },
        extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
