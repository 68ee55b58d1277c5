using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StreamEngine.AvSync;

namespace StreamEngine.Host.Show;

/// <summary>
/// The A/V sync test pattern: a white flash and the effects' tick asked for in the same frame, once a second, and the
/// measurement of a recording of it with ffmpeg: the picture's mean brightness jumping above half is a flash, the
/// sound's 5 ms RMS rising above −30 dBFS is a beep; the offset is the nearest beep's time minus the flash's
/// (positive: the sound is late). The same method as the tests' AudioMeasure: both use FlashBeepOnsets.
/// </summary>
internal static class FlashBeepShow
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = false };

    public static (string Scene, string Script) Write(string folder)
    {
        var scene = Path.Combine(folder, "av-sync.json");
        File.WriteAllText(scene, """
            { "size": "640x360", "fps": 30,
              "layers": [ { "id": "bg", "type": "background", "props": { "color": "#000000" } },
                          { "id": "flash", "type": "shape", "zIndex": 1, "visible": false,
                            "transform": { "x": 0, "y": 0, "width": 640, "height": 360 }, "props": { "fill": "#ffffff" } } ],
              "audio": { "loudness": null, "channels": [ { "id": "fx", "type": "effects" } ] } }
            """);
        var script = Path.Combine(folder, "av-sync.js");
        File.WriteAllText(script, """every(1, () => { update("flash", { visible: true }); audio.play("tick"); after(0.1, () => update("flash", { visible: false })); });""");
        return (scene, script);
    }

    /// <summary>The offsets in the first and the last minute of the recording.</summary>
    public static async Task<AvSyncResult> MeasureAsync(string recording, int fps, double seconds, long dropped, CancellationToken stop)
    {
        var window = Math.Min(60, seconds / 2);
        // Cuts fall on the picture's frame grid: the video starts later in the file than the audio (the AAC encoder's
        // priming), and a cut between two frames would count the first frame after it as at the cut, up to a frame early.
        var (video, audio) = (await StartAsync(recording, "v:0", stop), await StartAsync(recording, "a:0", stop));
        var grid = video - Math.Min(video, audio);
        double OnGrid(double t) => grid + Math.Round(t * fps) / fps;
        var first = await OffsetsAsync(recording, fps, OnGrid(0), window, stop);
        var last = await OffsetsAsync(recording, fps, OnGrid(Math.Max(window, seconds - window)), window, stop);
        return new AvSyncResult(Math.Round(seconds / 60, 2), first.Count, Ms(Median(first)), Ms(first.DefaultIfEmpty(double.NaN).Max(Math.Abs)),
            last.Count, Ms(Median(last)), Ms(last.DefaultIfEmpty(double.NaN).Max(Math.Abs)), Ms(Median(last) - Median(first)), dropped);
    }

    private static async Task<List<double>> OffsetsAsync(string path, int fps, double from, double length, CancellationToken stop)
    {
        string[] span = ["-ss", Text(from), "-t", Text(length), "-i", path];
        var luma = await ReadAsync("ffmpeg", [.. span, "-map", "0:v:0", "-vf", "scale=8:8,format=gray", "-f", "rawvideo", "-"], stop);
        var pcm = await ReadAsync("ffmpeg", [.. span, "-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f", "s16le", "-"], stop);
        var flashes = FlashBeepOnsets.Flashes(luma, fps);
        var beeps = FlashBeepOnsets.Beeps(pcm);
        // Both streams are cut at the same time from the same file, so their times compare directly; a flash whose beep
        // fell outside the window is not counted.
        return [.. FlashBeepOnsets.Offsets(flashes, beeps).Where(o => Math.Abs(o) < 0.5)];
    }

    /// <summary>A stream's start time in the file, in seconds (0 when ffprobe cannot tell).</summary>
    private static async Task<double> StartAsync(string path, string stream, CancellationToken stop)
    {
        var text = System.Text.Encoding.UTF8.GetString(await ReadAsync("ffprobe", ["-select_streams", stream, "-show_entries", "stream=start_time", "-of", "csv=p=0", path], stop));
        return double.TryParse(text.Split('\n')[0].Trim().TrimEnd(','), CultureInfo.InvariantCulture, out var t) ? t : 0;
    }

    /// <summary>What an ffmpeg command writes to its stdout (its stderr is left unread: -v error keeps it short).</summary>
    private static async Task<byte[]> ReadAsync(string program, string[] arguments, CancellationToken stop)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in (string[])["-v", "error", .. program == "ffmpeg" ? ["-nostdin"] : Array.Empty<string>(), .. arguments]) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        using var bytes = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(bytes, stop);
        await process.WaitForExitAsync(stop);
        return bytes.ToArray();
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private static double Ms(double seconds) => Math.Round(seconds * 1000, 1);

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>What <c>bench av-sync</c> measured; offsets in milliseconds, positive when the sound is late.</summary>
internal sealed record AvSyncResult(double Minutes, int FlashesFirstMinute, double MedianOffsetMsFirstMinute, double WorstOffsetMsFirstMinute,
    int FlashesLastMinute, double MedianOffsetMsLastMinute, double WorstOffsetMsLastMinute, double DriftMs, long DroppedFrames)
{
    public string ToText() =>
        $"A/V offset over {Minutes} min (positive: sound late):\n" +
        $"  first minute: median {MedianOffsetMsFirstMinute} ms, worst {WorstOffsetMsFirstMinute} ms ({FlashesFirstMinute} flashes)\n" +
        $"  last minute:  median {MedianOffsetMsLastMinute} ms, worst {WorstOffsetMsLastMinute} ms ({FlashesLastMinute} flashes)\n" +
        $"  drift: {DriftMs} ms; frames dropped: {DroppedFrames}";
}
