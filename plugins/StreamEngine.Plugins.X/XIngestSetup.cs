using Microsoft.Extensions.Logging;
using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Auth;
using StreamEngine.Plugins.X.Commands;
using StreamEngine.Sdk.Encoding;

namespace StreamEngine.Plugins.X;

/// <summary>
/// <c>--output x</c> with <c>X_BROADCAST=auto</c>: reuses the source kept in <c>DATA/x/broadcast.json</c> (or creates
/// one in the region X recommends, as <c>x broadcast create</c> does), asks X for its stream key, goes live (with
/// <c>X_BROADCAST_TITLE</c> as the announcement, if set) and ends the broadcast after the show. The key is held in
/// memory only and handed to the engine, which masks it.
/// </summary>
public sealed class XIngestSetup(Func<string, string?> variable, string dataDirectory, ILogger logger) : IIngestSetup
{
    public const string TitleVariable = "X_BROADCAST_TITLE";
    private HttpClient? _http;
    private XBroadcasts? _x;
    private string? _started;

    public string Preset => "x";

    public async Task<IngestPoint> OpenAsync(CancellationToken cancellationToken)
    {
        if (!CheckCommand.TryBaseUrl(variable(CheckCommand.BaseUrlVariable), out var baseUrl))
            throw new InvalidOperationException($"{CheckCommand.BaseUrlVariable} must be an https URL (or http on loopback).");
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var auth = UserContext.From(variable, dataDirectory, _http, baseUrl, TimeProvider.System, out var missing)
            ?? throw new InvalidOperationException($"setting up an X broadcast acts as the account: set {missing}.");
        _x = new XBroadcasts(new XApiClient(_http, auth, new XApiOptions { BaseUrl = baseUrl, MaxAttempts = 3 }, TimeProvider.System));
        var record = BroadcastRecord.Load(dataDirectory);
        if (record is null)
        {
            var source = await _x.CreateSourceAsync("StreamEngine", await _x.RecommendedRegionAsync(cancellationToken), cancellationToken);
            record = new BroadcastRecord(source.Id, source.Name, source.Region, source.IngestUrl);
            record.Save(dataDirectory);
            logger.LogInformation("X: created the stream source {Source} in {Region}, ingest {Ingest}", source.Id, source.Region, source.IngestUrl);
        }
        var key = await _x.StreamKeyAsync(record.SourceId, cancellationToken);
        var title = variable(TitleVariable) is { Length: > 0 } t ? t : null;
        var live = await _x.GoLiveAsync(record.SourceId, title, announce: title is not null, cancellationToken);
        _started = live.Id;
        (record with { BroadcastId = live.Id, PostId = live.PostId }).Save(dataDirectory);
        logger.LogInformation("X: broadcast {Broadcast} is {State} on source {Source}{Share}", live.Id, live.State, record.SourceId,
            live.ShareUrl is null ? "" : " at " + live.ShareUrl);
        return new IngestPoint(record.IngestUrl, key);
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_x is null || _started is null) return;
            var ended = await _x.EndAsync(_started, cancellationToken);
            logger.LogInformation("X: broadcast {Broadcast} is {State}", ended.Id, ended.State);
        }
        finally { _http?.Dispose(); }
    }
}
