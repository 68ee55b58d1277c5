using System.Net.Http.Headers;
using System.Text;

namespace StreamEngine.Host.Fuzz;

/// <summary>Sends <see cref="HttpCase"/>s and judges the answers: 2xx accepted, 4xx with problem+json a problem, 4xx bare refused, 5xx or no answer a crash.</summary>
internal sealed class HttpDoor(FuzzTarget target) : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The engine's default limit of a request body (MaxMessageBytes), in characters of our (mostly ASCII) bodies.</summary>
    private const int MaxBody = 1 << 20;

    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        { BaseAddress = target.Rest, Timeout = Timeout };

    public async Task<Outcome> SendAsync(HttpCase c, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), new Uri(c.Path, UriKind.Relative));
        // A change is sent as JSON even without a body, as the engine asks of every change.
        if (c.Body is not null || c.ContentType is not null && c.Method is not ("GET" or "HEAD"))
        {
            request.Headers.ExpectContinue = c.Body?.Length > MaxBody; // the engine refuses on the length alone
            request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(c.Body ?? ""));
            request.Content.Headers.ContentType = null;
            if (c.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
        }
        if (target.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Authorized ? token : "not-the-token");
        if (c.Origin is not null) request.Headers.TryAddWithoutValidation("Origin", c.Origin);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var body = await ReadSomeAsync(response, cancellationToken);
            if (status >= 500) return new Outcome(Verdict.Crash, $"{c.Method} {Route(c.Path)}: answered {status} {Short(body)}");
            if (status < 400) return Outcome.Accepted;
            return response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? Outcome.Problem
                : new Outcome(Verdict.Refused, $"{c.Method} {Route(c.Path)}: {status} without problem details");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(Verdict.Crash, $"{c.Method} {Route(c.Path)}: no answer within {Timeout.TotalSeconds} s");
        }
        catch (HttpRequestException) when (c.Body is { Length: > MaxBody })
        {
            // The server may answer 413 and close before the body is sent: the client then sees the connection close.
            return new Outcome(Verdict.Refused, $"{c.Method} {Route(c.Path)}: connection closed while sending a body over 1 MiB");
        }
        catch (HttpRequestException e)
        {
            return new Outcome(Verdict.Crash, $"{c.Method} {Route(c.Path)}: connection failed ({e.HttpRequestError})");
        }
    }

    /// <summary>The route a path belongs to, so findings group by route: <c>/api/layers/{…}</c>.</summary>
    public static string Route(string path)
    {
        var segments = path.Split('?')[0].Split('/');
        return string.Join('/', segments.Select((s, i) => i <= 2 || s is "reload" or "reorder" ? s : "{…}")) is var r && r.Length > 60 ? r[..60] + "…" : r;
    }

    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[2048];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string Short(string body) => body.Length > 300 ? body[..300] + "…" : body;

    public void Dispose() => _client.Dispose();
}
