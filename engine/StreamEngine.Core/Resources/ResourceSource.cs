namespace StreamEngine.Core.Resources;

/// <summary>Reads the bytes of a resource from a file or an http(s) URL, within the cache's limits.</summary>
internal sealed class ResourceSource(ResourceCacheOptions options, HttpClient http)
{
    public static bool IsUrl(string source) => source.Contains("://", StringComparison.Ordinal);

    public async Task<byte[]> ReadAsync(string source, CancellationToken cancellationToken)
    {
        if (!IsUrl(source)) return await options.LocalFiles.ReadAsync(source, cancellationToken);
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ResourceException($"'{source}': only http and https URLs are loaded");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
                throw new ResourceException($"'{source}': the server answered {(int)response.StatusCode}"); // its own words stay out
            if (response.Content.Headers.ContentLength > options.MaxDownloadBytes)
                throw TooLarge(source);
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await AssetRoots.ReadLimitedAsync(body, options.MaxDownloadBytes, () => TooLarge(source), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ResourceException($"'{source}': no complete answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (e.InnerException is RemoteAddressRefusedException refused)
        {
            throw new ResourceException($"'{source}': {refused.Message}");
        }
        catch (HttpRequestException e)
        {
            throw new ResourceException($"'{source}': {e.Message}");
        }
    }

    private ResourceException TooLarge(string source) =>
        new($"'{source}' is larger than the download limit of {options.MaxDownloadBytes >> 20} MB");
}

/// <summary>A resource that cannot be loaded; the message names the source and the reason.</summary>
internal sealed class ResourceException(string message) : Exception(message);
