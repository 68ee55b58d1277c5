using System.Globalization;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Builds ffmpeg command lines. <see cref="ForEncode"/> is the one place the encode is described, used by the
/// live encoder, the hardware trial and the benchmark baseline, so they always encode with identical settings.
/// </summary>
public static partial class FFmpegArguments
{
    private static readonly string[] Quiet = ["-hide_banner", "-nostats", "-loglevel", "warning"];
    private static readonly string[] ColourTags = ["-colorspace", "smpte170m", "-color_range", "tv"];

    /// <summary>
    /// The whole encode: raw video from stdin (YUV 4:2:0 or BGRA, see <see cref="EncoderSettings.PixelFormat"/>), the show's audio (<paramref name="audioInput"/>, already mixed
    /// to its loudness by the engine) or silent stereo audio, the codec settings, then <paramref name="output"/> (muxer options and destination).
    /// <paramref name="audioTracks"/> is how many tracks the audio input carries side by side (<see cref="Sdk.Audio.AudioFormat.Tracks"/>):
    /// each becomes an audio stream.
    /// </summary>
    public static IReadOnlyList<string> ForEncode(EncoderSettings settings, VideoFormat format, VideoEncoderChoice encoder, IEnumerable<string> output,
        IReadOnlyList<string>? audioInput = null, int audioTracks = 1)
    {
        var fps = Number(format.Fps);
        var args = new List<string>(Quiet);
        // Timestamps are the frame count, live too: the writer fills every slot the frame clock skipped with the picture
        // before, so frame n is at n / fps, exactly where the mixer put frame n's sound (wall-clock timestamps on a
        // pipe, read in bursts behind a busy encoder, did not keep them together).
        // A short input queue: when the encoder falls behind, the back-pressure reaches the engine's frame queue
        // (frames dropped and counted) instead of hiding seconds of latency and memory in ffmpeg.
        // YUV from the engine is BT.601 limited range, what ffmpeg's own BGRA conversion produces for these arguments;
        // the input says so, and the output is tagged the same either way so players read the colours right.
        var yuv = settings.FeedsYuv(format.Width, format.Height);
        args.AddRange(["-thread_queue_size", "4", "-f", "rawvideo", "-pix_fmt", yuv ? "yuv420p" : "bgra", "-s", $"{format.Width}x{format.Height}",
            "-r", fps, .. yuv ? ColourTags : [], "-i", "pipe:0"]);
        args.AddRange(audioInput ?? ["-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo"]);
        args.AddRange(["-map", "0:v:0", .. AudioTrackArguments(audioInput is null ? 1 : audioTracks)]);
        args.AddRange(VideoCodecArguments(settings, format, encoder.Name));
        args.AddRange(ColourTags);
        var gop = (int)Math.Round(format.Fps * settings.KeyframeIntervalSeconds);
        args.AddRange(["-g", Number(gop), "-keyint_min", Number(gop),
            "-force_key_frames", "expr:gte(t,n_forced*" + Number(settings.KeyframeIntervalSeconds) + ")"]);
        args.AddRange(["-fps_mode", "cfr", "-r", fps]);
        args.AddRange(AudioCodecArguments(settings));
        args.Add("-shortest"); // the audio may run a few milliseconds past the last frame (silence never ends); stop with the video
        args.AddRange(output);
        return args;
    }

    /// <summary>Encoder options for <paramref name="encoderName"/>: codec, speed preset mapped to its own terms, pixel format, rate control.</summary>
    public static IReadOnlyList<string> VideoCodecArguments(EncoderSettings settings, VideoFormat format, string encoderName)
    {
        var kbps = settings.VideoBitrateFor(settings.EncodedHeight(format.Height));
        // A rendition's picture is scaled once, here, by its own encoder process (swscale's SIMD bicubic): the frame
        // it gets is the one the show's encode already converted, so the engine spends a copy per rendition, no more.
        var scale = settings.ScaleTo is { } to ? $"scale={Number(to.Width)}:{Number(to.Height)}:flags=bicubic" : null;
        var speed = Math.Max(0, EncoderSettings.Presets.ToList().IndexOf(settings.Preset)); // 0 = ultrafast
        var args = new List<string> { "-c:v", encoderName };
        args.AddRange(encoderName switch
        {
            "libx264" => ["-preset", settings.Preset, "-tune", "zerolatency", "-sc_threshold", "0", "-pix_fmt", "yuv420p"],
            "libvpx" or "libvpx-vp9" => ["-deadline", settings.Live ? "realtime" : "good",
                "-cpu-used", Number(Math.Max(0, 8 - speed)), "-pix_fmt", "yuv420p", .. encoderName == "libvpx-vp9" ? new[] { "-row-mt", "1" } : []],
            "h264_nvenc" => ["-preset", "p" + Math.Clamp(speed, 1, 7), "-tune", "ll", "-rc", "cbr", "-pix_fmt", "yuv420p"],
            "h264_qsv" or "vp9_qsv" => ["-preset", speed <= 2 ? "veryfast" : settings.Preset, "-pix_fmt", "nv12"],
            "h264_vaapi" or "vp8_vaapi" or "vp9_vaapi" =>
                ["-init_hw_device", "vaapi=va:/dev/dri/renderD128", "-filter_hw_device", "va", "-vf", (scale is null ? "" : scale + ",") + "format=nv12,hwupload"],
            "h264_videotoolbox" => ["-realtime", settings.Live ? "1" : "0", "-pix_fmt", "yuv420p"],
            "h264_amf" => ["-usage", "lowlatency", "-quality", speed <= 3 ? "speed" : speed <= 5 ? "balanced" : "quality", "-pix_fmt", "yuv420p"],
            _ => ["-pix_fmt", "yuv420p"],
        });
        if (scale is not null && !encoderName.EndsWith("_vaapi", StringComparison.Ordinal)) args.AddRange(["-vf", scale]);
        if (settings.RateControl == RateControl.Cbr)
        {
            // Filler keeps the bitrate up on a calm scene; a one-second buffer keeps it constant over short windows too.
            args.AddRange(["-b:v", Number(kbps) + "k", "-minrate", Number(kbps) + "k", "-maxrate", Number(kbps) + "k", "-bufsize", Number(kbps) + "k"]);
            if (encoderName == "libx264") args.AddRange(["-x264-params", "nal-hrd=cbr:filler=1"]);
        }
        else args.AddRange(["-b:v", Number(kbps) + "k", "-maxrate", Number(kbps) + "k", "-bufsize", Number(kbps * 2) + "k"]);
        return args;
    }

    /// <summary>
    /// One audio stream per track of the audio input: a single track is mapped as it is; several (the program and the
    /// clean music, stereo each) are parted by channel, the first track first.
    /// </summary>
    public static IReadOnlyList<string> AudioTrackArguments(int tracks, int channelsPerTrack = 2)
    {
        if (tracks <= 1) return ["-map", "1:a:0"];
        var layout = channelsPerTrack == 1 ? "mono" : "stereo";
        var args = new List<string>();
        for (var t = 0; t < tracks; t++)
        {
            var pan = string.Join('|', Enumerable.Range(0, channelsPerTrack).Select(c => $"c{c}=c{t * channelsPerTrack + c}"));
            args.AddRange(["-map", "1:a:0", $"-filter:a:{t}", $"pan={layout}|{pan}"]);
        }
        return args;
    }

    /// <summary>Audio encoder options.</summary>
    public static IReadOnlyList<string> AudioCodecArguments(EncoderSettings settings) =>
        ["-c:a", settings.AudioCodec == AudioCodec.Opus ? "libopus" : "aac", "-b:a", Number(settings.AudioBitrateKbps) + "k", "-ar", "48000"];

    /// <summary>Encoder output for the fan-out: MPEG-TS on stdout, shifted so a restarted encoder's timestamps continue.</summary>
    public static IReadOnlyList<string> MpegTsToStdout(double timestampOffsetSeconds) => timestampOffsetSeconds > 0
        ? ["-output_ts_offset", Number(timestampOffsetSeconds), "-f", "mpegts", "pipe:1"]
        : ["-f", "mpegts", "pipe:1"];

    internal static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
