using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Commands;

/// <summary>
/// <c>x broadcast create [--name N] [--region R]</c> sets up an RTMPS ingest (a stream source) on X and keeps its id and
/// URL in <c>DATA/x/broadcast.json</c>; <c>x broadcast publish [--title T] [--no-post]</c> takes it live;
/// <c>x broadcast status</c> and <c>x broadcast end</c> follow and end the broadcast. The stream key is never printed
/// or stored: the engine asks X for it when it streams (<c>X_BROADCAST=auto</c>).
/// </summary>
public static class BroadcastCommand
{
    public const string Usage = "usage: x broadcast create [--name N] [--region R] | publish [--title T] [--no-post] | status | end";

    public static async Task<int> RunAsync(Func<string, string?> variable, IReadOnlyList<string> args, TextWriter output, TextWriter errors, string data, CancellationToken ct)
    {
        var options = new Dictionary<string, string>();
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--no-post") options["--no-post"] = "";
            else if (args[i] is "--name" or "--region" or "--title" && i + 1 < args.Count) options[args[i]] = args[++i];
            else return Fail(errors, 2, $"'{args[i]}' is not an option here. {Usage}");
        }
        if (!CheckCommand.TryBaseUrl(variable(CheckCommand.BaseUrlVariable), out var baseUrl))
            return Fail(errors, 2, $"{CheckCommand.BaseUrlVariable} must be an https URL (or http on loopback).");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (UserContext.From(variable, data, http, baseUrl, TimeProvider.System, out var missing) is not { } auth)
            return Fail(errors, 1, $"setting up a broadcast acts as the account: set {missing}.");
        var x = new XBroadcasts(new XApiClient(http, auth, new XApiOptions { BaseUrl = baseUrl, MaxAttempts = 3 }, TimeProvider.System));
        var record = BroadcastRecord.Load(data);
        try
        {
            switch (args.Count > 0 ? args[0] : "")
            {
                case "create":
                    var region = options.GetValueOrDefault("--region") ?? await x.RecommendedRegionAsync(ct);
                    var source = await x.CreateSourceAsync(options.GetValueOrDefault("--name") ?? "StreamEngine", region, ct);
                    new BroadcastRecord(source.Id, source.Name, source.Region, source.IngestUrl).Save(data);
                    await output.WriteLineAsync($"x broadcast: source {source.Id} ({source.Name}, {source.Region}) ingests at {source.IngestUrl}; stream key ****"
                        + $" (not shown: run with X_BROADCAST=auto and the engine asks X for it). Kept in {BroadcastRecord.PathIn(data)}.");
                    return 0;
                case "publish" when record is not null:
                    var live = await x.GoLiveAsync(record.SourceId, options.GetValueOrDefault("--title"), !options.ContainsKey("--no-post"), ct);
                    (record with { BroadcastId = live.Id, PostId = live.PostId }).Save(data);
                    await output.WriteLineAsync($"x broadcast: {live.Id} is {live.State} on source {record.SourceId}{(live.ShareUrl is null ? "" : $" at {live.ShareUrl}")}; "
                        + (live.PostId is null ? "X posts the announcement shortly (x broadcast status names it)." : $"announcement post {live.PostId}."));
                    return 0;
                case "status" or "end" when record?.BroadcastId is { } id:
                    var broadcast = args[0] == "end" ? await x.EndAsync(id, ct) : await x.GetAsync(id, ct);
                    if (broadcast.PostId is not null) (record with { PostId = broadcast.PostId }).Save(data);
                    await output.WriteLineAsync($"x broadcast: {broadcast.Id} is {broadcast.State}"
                        + (broadcast.PostId is null ? "." : $"; its announcement post is {broadcast.PostId} (the x chat source's conversationId)."));
                    return 0;
                case "publish" or "status" or "end":
                    return Fail(errors, 1, record is null ? "no X source yet: run x broadcast create first." : "no broadcast yet: run x broadcast publish first.");
                default:
                    return Fail(errors, 2, Usage);
            }
        }
        catch (XApiException e) { return Fail(errors, 1, e.Message); }
        catch (XOutcomeUnknownException e) { return Fail(errors, 1, $"{e.Message} Check the account's sources on X before creating another (X limits them)."); }
        catch (HttpRequestException e) { return Fail(errors, 1, $"X could not be reached at {baseUrl}: {e.Message}"); }
    }

    private static int Fail(TextWriter errors, int code, string message)
    {
        errors.WriteLine("x broadcast: " + message);
        return code;
    }
}
