using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace StreamEngine.Server.Rest;

/// <summary>
/// Who may change the show: with a token configured, requests carrying <c>Authorization: Bearer TOKEN</c>;
/// without one, only clients on this machine (loopback). Reading is open to whoever can reach the port.
/// </summary>
internal static class RequestAuth
{
    public static bool MayMutate(HttpContext context, string? token)
    {
        if (token is null) return context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    /// <summary>An endpoint filter that answers 401 (problem+json) to mutations that are not allowed.</summary>
    public static EndpointFilterDelegate RequireMutationRight(EndpointFilterFactoryContext _, EndpointFilterDelegate next) => async invocation =>
    {
        var context = invocation.HttpContext;
        var token = context.RequestServices.GetService(typeof(ControlServerOptions)) is ControlServerOptions o ? o.ApiToken : null;
        if (MayMutate(context, token)) return await next(invocation);
        return Problems.Unauthorized(token is null
            ? "changes are only accepted from this machine when no API token is configured"
            : "this request changes the show: send the API token as 'Authorization: Bearer TOKEN'");
    };
}
