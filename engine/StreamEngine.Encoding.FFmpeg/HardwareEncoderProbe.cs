using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Picks the video encoder at start-up: hardware encoders that ffmpeg lists are tried with a one-frame trial encode
/// (a listed encoder often has no device or driver behind it); the first that works wins, else software.
/// The choice is made once per process and logged in one line.
/// </summary>
public sealed class HardwareEncoderProbe(ILogger<HardwareEncoderProbe> logger)
{
    private static readonly TimeSpan TrialTimeout = TimeSpan.FromSeconds(10);
    private static readonly ConcurrentDictionary<(string, VideoCodec, HardwareAcceleration), Lazy<Task<VideoEncoderChoice>>> Choices = new();

    /// <summary>The encoder to use for <paramref name="settings"/>; probed on the first call, cached after.</summary>
    public async Task<VideoEncoderChoice> ChooseAsync(EncoderSettings settings)
    {
        var key = (settings.FFmpegPath, settings.VideoCodec, settings.HardwareAcceleration);
        var choice = Choices.GetOrAdd(key, _ => new Lazy<Task<VideoEncoderChoice>>(() => ProbeAsync(settings)));
        try
        {
            return await choice.Value.ConfigureAwait(false);
        }
        catch
        {
            Choices.TryRemove(KeyValuePair.Create(key, choice)); // ffmpeg could not run at all: try again next time
            throw;
        }
    }

    /// <summary>The hardware encoder ffmpeg names for <paramref name="codec"/> on <paramref name="acceleration"/>, or null if there is none.</summary>
    public static string? HardwareEncoderName(VideoCodec codec, HardwareAcceleration acceleration) => (codec, acceleration) switch
    {
        (VideoCodec.H264, HardwareAcceleration.Nvenc) => "h264_nvenc",
        (VideoCodec.H264, HardwareAcceleration.Qsv) => "h264_qsv",
        (VideoCodec.H264, HardwareAcceleration.Vaapi) => "h264_vaapi",
        (VideoCodec.H264, HardwareAcceleration.VideoToolbox) => "h264_videotoolbox",
        (VideoCodec.H264, HardwareAcceleration.Amf) => "h264_amf",
        (VideoCodec.Vp8, HardwareAcceleration.Vaapi) => "vp8_vaapi",
        (VideoCodec.Vp9, HardwareAcceleration.Vaapi) => "vp9_vaapi",
        (VideoCodec.Vp9, HardwareAcceleration.Qsv) => "vp9_qsv",
        _ => null,
    };

    private async Task<VideoEncoderChoice> ProbeAsync(EncoderSettings settings)
    {
        var choice = await DecideAsync(settings).ConfigureAwait(false);
        logger.LogInformation("Video encoder: {Encoder} ({Reason})", choice.Name, choice.Reason);
        return choice;
    }

    private async Task<VideoEncoderChoice> DecideAsync(EncoderSettings settings)
    {
        var codec = settings.VideoCodec;
        if (settings.HardwareAcceleration == HardwareAcceleration.None)
            return VideoEncoderChoice.Software(codec, "HardwareAcceleration is none");
        var wanted = settings.HardwareAcceleration == HardwareAcceleration.Auto
            ? Enum.GetValues<HardwareAcceleration>().Where(a => a is not (HardwareAcceleration.Auto or HardwareAcceleration.None)).ToList()
            : [settings.HardwareAcceleration];
        var listed = await ListEncodersAsync(settings.FFmpegPath).ConfigureAwait(false);
        var failures = new List<string>();
        foreach (var acceleration in wanted)
        {
            var name = HardwareEncoderName(codec, acceleration);
            if (name is null || !listed.Contains(name)) continue;
            var error = await TrialEncodeAsync(settings, name).ConfigureAwait(false);
            if (error is null)
                return new VideoEncoderChoice(name, acceleration, $"HardwareAcceleration {EncoderSettings.Name(settings.HardwareAcceleration)}: passed a trial encode");
            failures.Add($"{name} failed its trial encode: {error}");
        }
        var why = failures.Count > 0
            ? string.Join("; ", failures)
            : $"ffmpeg lists no {EncoderSettings.Name(codec)} encoder for HardwareAcceleration {EncoderSettings.Name(settings.HardwareAcceleration)}";
        return VideoEncoderChoice.Software(codec, "software fallback: " + why);
    }

    private static async Task<HashSet<string>> ListEncodersAsync(string ffmpegPath)
    {
        using var ffmpeg = FFmpegProcess.Start(ffmpegPath, ["-hide_banner", "-encoders"]);
        ffmpeg.CloseInput();
        using var timeout = new CancellationTokenSource(TrialTimeout);
        var text = await ffmpeg.OutputText.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
        await ffmpeg.WaitOrKillAsync(TrialTimeout).ConfigureAwait(false);
        // Lines look like " V....D h264_nvenc           NVIDIA NVENC H.264 encoder (codec h264)".
        return text.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length >= 2 && words[0].Length == 6)
            .Select(words => words[1])
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Encodes a few frames of a flat colour with <paramref name="encoder"/>; null when that worked, else ffmpeg's error.</summary>
    private static async Task<string?> TrialEncodeAsync(EncoderSettings settings, string encoder)
    {
        var format = new VideoFormat(256, 256, 30);
        string[] args = ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "color=s=256x256:r=30", "-frames:v", "3",
            .. FFmpegArguments.VideoCodecArguments(settings, format, encoder), "-f", "null", "-"];
        using var ffmpeg = FFmpegProcess.Start(settings.FFmpegPath, args);
        ffmpeg.CloseInput();
        var exited = await ffmpeg.WaitOrKillAsync(TrialTimeout).ConfigureAwait(false);
        if (!exited) return $"no result within {TrialTimeout.TotalSeconds:0} s";
        return ffmpeg.ExitCode == 0 ? null : ffmpeg.DescribeExit(firstLine: true);
    }
}
