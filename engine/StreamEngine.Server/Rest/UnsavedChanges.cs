using Microsoft.AspNetCore.Http;
using StreamEngine.Application;

namespace StreamEngine.Server.Rest;

/// <summary>
/// A change is acknowledged as saved only when it is: one that was applied but could not be saved (the state store is
/// down) is answered 202 with <c>{"status": "applied, not yet saved", "saved": false, "detail": why, "result": …}</c>,
/// where <c>result</c> is what a saved change would have answered.
/// </summary>
internal static class UnsavedChanges
{
    public const string Status = "applied, not yet saved";

    public static async ValueTask<object?> Report(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var receipt = SaveReceipt.Begin();
        var result = await next(invocation);
        // A JSON result without a status code is a 200.
        if (receipt.NotSavedReason is not { } reason || result is IStatusCodeHttpResult { StatusCode: < 200 or >= 300 }) return result;
        return Results.Json(new { status = Status, saved = false, detail = reason, result = (result as IValueHttpResult)?.Value },
            statusCode: StatusCodes.Status202Accepted);
    }
}
