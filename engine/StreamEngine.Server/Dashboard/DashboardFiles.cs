using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StreamEngine.Server.Dashboard;

/// <summary>
/// The producer's dashboard on PORT: <c>/</c> is the page, <c>/dashboard/FILE</c> its modules and styles, all embedded
/// in this assembly (no folder to lose, nothing to build). Every answer carries a strict Content-Security-Policy: scripts
/// only from these files (no inline script), connections only to this server and its WebSocket port, no framing by
/// other sites.
/// </summary>
internal static class DashboardFiles
{
    private const string Prefix = "dashboard/";

    private static readonly FrozenDictionary<string, byte[]> Files = Load();

    public static void MapDashboard(this IEndpointRouteBuilder app, int wsPort, string host)
    {
        app.MapGet("/", (HttpContext context) => Serve(context, "index.html", wsPort)).RequireHost(host).ExcludeFromDescription();
        app.MapGet("/dashboard/{**file}", (HttpContext context, string file) => Serve(context, file, wsPort)).RequireHost(host).ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext context, string file, int wsPort)
    {
        if (!Files.TryGetValue(file, out var bytes)) return Results.NotFound();
        var headers = context.Response.Headers;
        // The Host passed the browser gate, so it names this engine: the page's WebSocket goes to the same name.
        var wsOrigin = $"ws://{context.Request.Host.Host}:{wsPort}";
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
            $"connect-src 'self' {wsOrigin}; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        if (file == "index.html") bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("{{WS_PORT}}", wsPort.ToString()));
        return Results.Bytes(bytes, ContentType(file));
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, byte[]>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name[Prefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }
        return files.ToFrozenDictionary();
    }
}
