using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// Accepts a WebSocket over the upgraded HTTP/1.1 connection itself, so the engine owns the stream the frames travel
/// on: a client frame RFC 6455 forbids (an undefined opcode, a reserved bit, no mask, a fragmented or long control
/// frame) is answered with the close frame 1002 (protocol error) that section 7.4.1 asks for, where ASP.NET's WebSocket
/// drops the connection without one. Anything else (HTTP/2's extended CONNECT) is accepted by ASP.NET as before.
/// </summary>
internal static class CheckedUpgrade
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"; // RFC 6455 section 1.3

    /// <summary>The same keep-alive as ASP.NET's WebSocket middleware by default.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromMinutes(2);

    public static async Task<System.Net.WebSockets.WebSocket> AcceptAsync(HttpContext context, string? subprotocol)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true }) return await context.WebSockets.AcceptWebSocketAsync(subprotocol);
        var headers = context.Response.Headers;
        headers.Connection = "Upgrade";
        headers.Upgrade = "websocket";
        headers.SecWebSocketAccept = Accept(context.Request.Headers.SecWebSocketKey.ToString());
        if (subprotocol is not null) headers.SecWebSocketProtocol = subprotocol;
        var stream = await upgrade.UpgradeAsync(); // sends 101 Switching Protocols
        return System.Net.WebSockets.WebSocket.CreateFromStream(new FrameCheckingStream(stream),
            new System.Net.WebSockets.WebSocketCreationOptions { IsServer = true, SubProtocol = subprotocol, KeepAliveInterval = KeepAlive });
    }

    private static string Accept(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key.Trim() + Guid)));
}
