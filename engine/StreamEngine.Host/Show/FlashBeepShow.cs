using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace StreamEngine.Host.Show;

/// <summary>
/// The A/V sync test pattern: a white flash and the effects' tick asked for in the same frame, once a second, and the
/// measurement of a recording of it with ffmpeg: the picture's mean brightness jumping above half is a flash, the
/// sound's 5 ms RMS rising above −30 dBFS is a beep; the offset is the nearest beep's time minus the flash's
/// (positive: the sound is late). The same method as the tests' AudioMeasure.
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
        var first = await OffsetsAsync(recording, fps, 0, window, stop);
        var last = await OffsetsAsync(recording, fps, Math.Max(window, seconds - window), window, stop);
        return new AvSyncResult(Math.Round(seconds / 60, 2), first.Count, Ms(Median(first)), Ms(first.DefaultIfEmpty(double.NaN).Max(Math.Abs)),
            last.Count, Ms(Median(last)), Ms(last.DefaultIfEmpty(double.NaN).Max(Math.Abs)), Ms(Median(last) - Median(first)), dropped);
    }

    private static async Task<List<double>> OffsetsAsync(string path, int fps, double from, double length, CancellationToken stop)
    {
        string[] span = ["-ss", Text(from), "-t", Text(length), "-i", path];
        var luma = await ReadAsync("ffmpeg", [.. span, "-map", "0:v:0", "-vf", "scale=8:8,format=gray", "-f", "rawvideo", "-"], stop);
        var pcm = await ReadAsync("ffmpeg", [.. span, "-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f", "s16le", "-"], stop);
        var flashes = new List<double>();
        for (var f = 1; f < luma.Length / 64; f++)
            if (Mean(luma, f) > 128 && Mean(luma, f - 1) <= 128) flashes.Add((double)f / fps);
        const int Window = 240; // 5 ms
        var beeps = new List<double>();
        var loud = false;
        for (var w = 0; (w + 1) * Window * 2 <= pcm.Length; w++)
        {
            double sum = 0;
            for (var i = 0; i < Window; i++)
            {
                double s = BitConverter.ToInt16(pcm, (w * Window + i) * 2) / 32768.0;
                sum += s * s;
            }
            var db = 10 * Math.Log10(sum / Window + 1e-12);
            if (db > -30 && !loud) beeps.Add((double)w * Window / 48000);
            loud = db > -40 && (loud || db > -30);
        }
        // Both streams are cut at the same time from the same file, so their times compare directly; a flash whose beep
        // fell outside the window is not counted.
        return [.. flashes.Where(_ => beeps.Count > 0).Select(f => beeps.MinBy(b => Math.Abs(b - f)) - f).Where(o => Math.Abs(o) < 0.5)];
    }

    /// <summary>What an ffmpeg command writes to its stdout (its stderr is left unread: -v error keeps it short).</summary>
    private static async Task<byte[]> ReadAsync(string program, string[] arguments, CancellationToken stop)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in (string[])["-v", "error", "-nostdin", .. arguments]) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        using var bytes = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(bytes, stop);
        await process.WaitForExitAsync(stop);
        return bytes.ToArray();
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private static double Ms(double seconds) => Math.Round(seconds * 1000, 1);

    private static double Mean(byte[] luma, int frame)
    {
        var sum = 0;
        for (var i = 0; i < 64; i++) sum += luma[frame * 64 + i];
        return sum / 64.0;
    }

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
