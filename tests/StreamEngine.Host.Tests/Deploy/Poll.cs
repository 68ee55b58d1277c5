namespace StreamEngine.Host.Tests.Deploy;

/// <summary>Asks again until an answer comes (non-null) or the time is up; a failed ask (connection refused while a server starts) counts as no answer.</summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> ask, TimeSpan timeout, string what) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await ask() is { } answer) return answer;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException) { last = e; }
            await Task.Delay(250);
        }
        throw new TimeoutException($"no {what} within {timeout.TotalSeconds:0} s{(last is null ? "" : $" (last error: {last.Message})")}");
    }
}
