using System.Net.Http.Json;
using System.Text.Json;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Api;

/// <summary>
/// Sends requests to X's v2 API: signs them, keeps within each endpoint's rate window (waiting for the reset rather
/// than hammering), backs off with jitter on 429 and 5xx, and turns failures into typed errors. Requests that are not
/// safe to repeat (posting) are never resent here after an unclear outcome: <see cref="XOutcomeUnknownException"/>
/// goes to the caller, which checks first (<see cref="XPosts"/>).
/// </summary>
public sealed class XApiClient(HttpClient http, IRequestAuthenticator authenticator, XApiOptions options, TimeProvider clock, Random? jitter = null)
{
    private readonly Random _jitter = jitter ?? Random.Shared;

    public RateBudget Budget { get; } = new(clock);

    public XApiOptions Options => options;

    /// <summary>The access level X last named for these credentials (its <c>x-access-level</c> header, e.g. <c>read-write</c>), if any.</summary>
    public string? AccessLevel { get; private set; }

    /// <param name="endpoint">The rate-limit bucket and the name used in errors, e.g. <c>POST /2/tweets</c>.</param>
    /// <param name="relativeUrl">Path and query below the base URL, already encoded.</param>
    public async Task<JsonElement> SendAsync(HttpMethod method, string endpoint, string relativeUrl, object? body, bool safeToRepeat, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= Math.Max(1, options.MaxAttempts);
            await WaitForWindow(endpoint, ct);
            if (authenticator is RefreshingUserAuthenticator user) await user.RefreshIfDueAsync(ct);
            using var request = new HttpRequestMessage(method, new Uri(options.BaseUrl, relativeUrl));
            if (body is not null) request.Content = JsonContent.Create(body);
            authenticator.Authorize(request);

            HttpResponseMessage response;
            try { response = await http.SendAsync(request, ct); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                var why = e is TaskCanceledException ? "timed out" : "connection failed";
                if (!safeToRepeat) throw new XOutcomeUnknownException(endpoint, why);
                if (last) throw new XApiException(endpoint, 0, null, null, null, [], $"X did not answer {endpoint} after {attempt} attempts ({why}).");
                await Backoff(attempt, ct);
                continue;
            }

            using (response)
            {
                Budget.Read(endpoint, response);
                if (response.Headers.TryGetValues("x-access-level", out var level)) AccessLevel = level.FirstOrDefault();
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(ct);
                if (status == 429 && !last)
                {
                    // X did not act on a 429, so even a post can be resent; wait for the window it names if any.
                    if (Budget.DelayBefore(endpoint) == TimeSpan.Zero) await Backoff(attempt, ct);
                    continue;
                }
                if (status >= 500 && !safeToRepeat) throw new XOutcomeUnknownException(endpoint, $"status {status}");
                if (status >= 500 && !last) { await Backoff(attempt, ct); continue; }
                if (status is < 200 or > 299) throw XErrorReader.Read(endpoint, status, text, authenticator.Describe());
                return Parse(endpoint, status, text);
            }
        }
    }

    private async Task WaitForWindow(string endpoint, CancellationToken ct)
    {
        var wait = Budget.DelayBefore(endpoint);
        if (wait <= TimeSpan.Zero) return;
        await Task.Delay(wait, clock, ct);
        Budget.Forget(endpoint);
    }

    /// <summary>Exponential from <see cref="XApiOptions.FirstBackoff"/>, capped, with "equal jitter" (half fixed, half
    /// random) so many clients do not retry in lockstep.</summary>
    internal Task Backoff(int attempt, CancellationToken ct)
    {
        var ceiling = Math.Min(options.MaxBackoff.TotalMilliseconds, options.FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)));
        var ms = ceiling / 2 + _jitter.NextDouble() * ceiling / 2;
        return Task.Delay(TimeSpan.FromMilliseconds(ms), clock, ct);
    }

    private static JsonElement Parse(string endpoint, int status, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new XMalformedResponseException(endpoint, status, $"X answered {status} to {endpoint} with a body that is not the documented JSON object.");
        }
    }
}
