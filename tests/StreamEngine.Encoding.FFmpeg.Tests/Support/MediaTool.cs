using System.Diagnostics;
using System.Globalization;

namespace StreamEngine.Encoding.FFmpeg.Tests.Support;

/// <summary>Runs ffprobe and ffmpeg the way a user would check a file or a stream.</summary>
public static class MediaTool
{
    /// <summary>Runs a tool and returns its stdout; on timeout the tool is killed and what it printed is returned.</summary>
    public static async Task<byte[]> RunAsync(string tool, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.BeginErrorReadLine();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        await copy;
        return output.ToArray();
    }

    public static async Task<string> RunTextAsync(string tool, TimeSpan timeout, params string[] args) =>
        System.Text.Encoding.UTF8.GetString(await RunAsync(tool, timeout, args)).Trim();

    /// <summary>codec_name,width,height,r_frame_rate,nb_read_frames of the first video stream of a file.</summary>
    public static async Task<string[]> ProbeVideoAsync(string path) =>
        (await RunTextAsync("ffprobe", TimeSpan.FromSeconds(60), "-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,width,height,r_frame_rate,nb_read_frames", "-of", "csv=p=0", path)).Split(',');

    /// <summary>The codec names a player reading <paramref name="url"/> finds, e.g. "aac,h264"; empty if none within the timeout.</summary>
    public static async Task<string> ProbeStreamCodecsAsync(string url)
    {
        var text = await RunTextAsync("ffprobe", TimeSpan.FromSeconds(20), "-v", "error", "-show_entries", "stream=codec_name",
            "-of", "csv=p=0", url);
        return string.Join(',', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
    }

    /// <summary>Frame <paramref name="index"/> of a file decoded to RGB24.</summary>
    public static Task<byte[]> DecodeFrameRgbAsync(string path, int index) =>
        RunAsync("ffmpeg", TimeSpan.FromSeconds(60), "-v", "error", "-i", path, "-vf", $"select=eq(n\\,{index})", "-frames:v", "1",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-");

    /// <summary>Presentation times of every video packet of a file, in seconds, in order.</summary>
    public static async Task<double[]> VideoPacketTimesAsync(string path)
    {
        var text = await RunTextAsync("ffprobe", TimeSpan.FromSeconds(60), "-v", "error", "-select_streams", "v:0",
            "-show_entries", "packet=pts_time", "-of", "csv=p=0", path);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => t != "N/A")
            .Select(t => double.Parse(t.TrimEnd(','), CultureInfo.InvariantCulture))
            .Order()
            .ToArray();
    }
}
