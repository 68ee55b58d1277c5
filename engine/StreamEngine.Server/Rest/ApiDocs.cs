using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StreamEngine.Server.Rest;

/// <summary>
/// What each route says about itself in /openapi/v1.json: its name and summary, its body, and every status it really
/// answers — errors as problem details (RFC 7807) with the field named.
/// </summary>
internal static class ApiDocs
{
    /// <summary>A read: open to whoever reaches the port.</summary>
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder route, string name, string summary, string tag) =>
        route.WithName(name).WithSummary(summary).WithTags(tag).Produces<T>(StatusCodes.Status200OK);

    /// <summary>
    /// A change: needs the token (or loopback without one) and 'Content-Type: application/json', with a body or without;
    /// answers 400 naming what is wrong, 401 without the token, 403 for a foreign Origin or Host, 415 when not JSON,
    /// 503 while the show is stopping, and 202 when applied but not yet saved (state store unavailable).
    /// </summary>
    public static RouteHandlerBuilder Changes(this RouteHandlerBuilder route, string name, string summary, string tag, int success, Type? answer = null)
    {
        route.WithName(name).WithSummary(summary).WithTags(tag).Produces(success, answer, answer is null ? null : "application/json")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable);
        return success == StatusCodes.Status202Accepted ? route : route.Produces<UnsavedChange>(StatusCodes.Status202Accepted);
    }

    /// <summary>A JSON body, and 413 when it is larger than the engine takes.</summary>
    public static RouteHandlerBuilder Body<T>(this RouteHandlerBuilder route, bool optional = false) where T : notnull =>
        route.Accepts<T>(optional, "application/json")
            .Problems(StatusCodes.Status413PayloadTooLarge);

    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder route, params int[] statuses)
    {
        foreach (var status in statuses) route.ProducesProblem(status);
        return route;
    }
}
