using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>
/// The record and stream switches of control surfaces. Recording adds a file output in the recordings folder (RECORDINGS_DIR); stopping the
/// stream removes the network outputs and remembers them, so starting it adds them again. Both go through the encoder's outputs.
/// </summary>
public sealed partial class ShowController
{
    private readonly SemaphoreSlim _outputChange = new(1, 1);
    private string? _recordingId, _recordingPath;
    private long _recordingFrom, _streamingFrom;
    private List<string> _stoppedStreams = [];

    public RecordingInfo RecordStatus()
    {
        var output = encoder.ListOutputs().FirstOrDefault(o => o.Id == _recordingId);
        return output is null ? new RecordingInfo(false, _recordingPath, 0, 0)
            : new RecordingInfo(true, _recordingPath, Seconds(_recordingFrom), output.BytesSent);
    }

    public Task<string> StartRecordAsync() => ChangeOutputsAsync(() =>
    {
        if (_recordingId is not null) throw new ShowRequestException(RequestFailure.Conflict, "a recording is already running; stop it first");
        var path = Recordings.Place($"record-{DateTime.Now:yyyyMMdd-HHmmss-fff}.mp4", overwrite: false, encoder.ListOutputs().Count);
        _recordingId = encoder.AddOutput(path, overwrite: false);
        (_recordingPath, _recordingFrom) = (path, clock.FrameIndex);
        PublishRecordState(true, "OBS_WEBSOCKET_OUTPUT_STARTED", path);
        return Task.FromResult(path);
    });

    public Task<string> StopRecordAsync() => ChangeOutputsAsync(async () =>
    {
        var id = _recordingId ?? throw new ShowRequestException(RequestFailure.Conflict, "no recording is running");
        await encoder.RemoveOutputAsync(id);
        _recordingId = null;
        PublishRecordState(false, "OBS_WEBSOCKET_OUTPUT_STOPPED", _recordingPath!);
        return _recordingPath!;
    });

    public StreamInfo StreamStatus()
    {
        var streams = encoder.ListOutputs().Where(IsStream).ToList();
        var active = streams.Any(o => o.State is OutputState.Live or OutputState.Connecting or OutputState.Reconnecting);
        return new StreamInfo(active, streams.Any(o => o.State == OutputState.Reconnecting), active ? Seconds(_streamingFrom) : 0, streams.Sum(o => o.BytesSent));
    }

    public Task StartStreamAsync() => ChangeOutputsAsync(() =>
    {
        if (StreamStatus().Active) throw new ShowRequestException(RequestFailure.Conflict, "the stream is already running");
        if (_stoppedStreams.Count == 0)
            throw new ShowRequestException(RequestFailure.Invalid, "no stream output to start: add one (POST /api/outputs with an rtmp:// URL, or --output)");
        foreach (var target in _stoppedStreams) encoder.AddOutput(Recordings.Place(target, overwrite: false, encoder.ListOutputs().Count));
        (_stoppedStreams, _streamingFrom) = ([], clock.FrameIndex);
        PublishStreamState(true, "OBS_WEBSOCKET_OUTPUT_STARTED");
        return Task.FromResult(true);
    });

    public Task StopStreamAsync() => ChangeOutputsAsync(async () =>
    {
        // The targets with their keys, to add them again (only an encoder that hands them back can).
        var streams = encoder.ListOutputs().Where(IsStream).Select(o => (o.Id, Address: Recordings.Targets.AddressOf(encoder, o.Id))).ToList();
        if (streams.Count == 0) throw new ShowRequestException(RequestFailure.Conflict, "the stream is not running");
        if (streams.Any(s => s.Address is null)) throw new ShowRequestException(RequestFailure.Unavailable, "this encoder cannot start a stream again once stopped");
        foreach (var (id, address) in streams)
            if (await encoder.RemoveOutputAsync(id)) _stoppedStreams.Add(address!);
        PublishStreamState(false, "OBS_WEBSOCKET_OUTPUT_STOPPED");
        return true;
    });

    private static bool IsStream(EncoderOutput output) =>
        output.Target.StartsWith("rtmp://", StringComparison.OrdinalIgnoreCase) || output.Target.StartsWith("rtmps://", StringComparison.OrdinalIgnoreCase)
        || output.Target.StartsWith("srt://", StringComparison.OrdinalIgnoreCase);

    private double Seconds(long fromFrame) => Math.Max(0, clock.FrameIndex - fromFrame) / (double)session.Format.Fps;

    private void PublishRecordState(bool active, string state, string path) => Publish(EventCategory.Outputs, "RecordStateChanged",
        new JsonObject { ["outputActive"] = active, ["outputState"] = state, ["outputPath"] = path });

    private void PublishStreamState(bool active, string state) => Publish(EventCategory.Outputs, "StreamStateChanged",
        new JsonObject { ["outputActive"] = active, ["outputState"] = state });

    private async Task<T> ChangeOutputsAsync<T>(Func<Task<T>> change)
    {
        await _outputChange.WaitAsync();
        try { return await change(); }
        catch (FormatException e) { throw new ShowRequestException(RequestFailure.Invalid, e.Message); }
        finally { _outputChange.Release(); }
    }
}
