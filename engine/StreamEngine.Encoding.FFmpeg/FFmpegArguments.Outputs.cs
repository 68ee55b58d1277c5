namespace StreamEngine.Encoding.FFmpeg;

public static partial class FFmpegArguments
{
    /// <summary>
    /// One output's remux process: MPEG-TS from stdin, copied without re-encoding into the target's container,
    /// progress reports on stdout.
    /// </summary>
    /// <param name="target">Where it goes.</param>
    /// <param name="attempt">Which run of the output this is (files and HLS segments get names of their own per run).</param>
    /// <param name="audio">The audio codec in the stream.</param>
    /// <param name="segmentSeconds">HLS: the segment length (the keyframe interval).</param>
    /// <param name="sendBufferBytes">
    /// For RTMP: the socket's send buffer. An adaptive output sets it to about a second of its stream, so a link that
    /// cannot keep up shows as a backlog in the engine's queue (measured, and dropped at a step) within a second or two
    /// instead of filling the few megabytes the kernel would otherwise let the buffer grow to first.
    /// </param>
    public static IReadOnlyList<string> ForRemux(OutputTarget target, int attempt, AudioCodec audio, double segmentSeconds = 2, int? sendBufferBytes = null)
    {
        // The stream starts at a keyframe with PAT/PMT first, so a short analysis finds both streams; the default
        // (5 s for MPEG-TS) would delay every (re)connect by seconds.
        // A recording in a container that holds several audio streams keeps them all (the program and the clean music);
        // RTMP/FLV, SRT and HLS take the program alone: their players play one audio stream.
        string[] streams = target.Kind == OutputKind.File && target.Format is "matroska" or "mp4" or "mpegts" ? ["-map", "0"] : ["-map", "0:v", "-map", "0:a:0"];
        List<string> args = [.. Quiet, "-analyzeduration", "1000000", "-f", "mpegts", "-i", "pipe:0", .. streams, "-c", "copy"];
        // AAC travels in MPEG-TS as ADTS; MP4, FLV and Matroska want the raw form with its config in the header.
        if (audio == AudioCodec.Aac && target.Format is not ("mpegts" or "hls")) args.AddRange(["-bsf:a", "aac_adtstoasc"]);
        args.AddRange(target.Format == "hls" ? HlsArguments(target, attempt, segmentSeconds) : MuxerArguments(target));
        if (sendBufferBytes is { } bytes && target.Kind == OutputKind.Rtmp) args.AddRange(["-send_buffer_size", Number(bytes)]);
        args.AddRange(["-progress", "pipe:1", Overwrite([target]), Destination(target, attempt)]);
        return args;
    }

    /// <summary>
    /// Muxer options per container. MP4 is fragmented (a fragment per keyframe) so a file whose ffmpeg was killed
    /// is still playable up to its last fragment; faststart would need a clean finish.
    /// </summary>
    public static IReadOnlyList<string> MuxerArguments(OutputTarget target) => target.Format switch
    {
        "mp4" => ["-f", "mp4", "-movflags", "+frag_keyframe+empty_moov+default_base_moof"],
        "flv" when target.Kind == OutputKind.Rtmp => ["-f", "flv", "-flvflags", "no_duration_filesize"],
        var format => ["-f", format],
    };

    /// <summary>
    /// A live HLS playlist: segments cut at each keyframe (the encode's keyframe interval is the segment length), the
    /// last 10 listed and older ones deleted; a restarted process appends to the playlist with segment names of its own.
    /// </summary>
    private static IReadOnlyList<string> HlsArguments(OutputTarget target, int attempt, double segmentSeconds) =>
    [
        "-f", "hls", "-hls_time", Number(segmentSeconds), "-hls_list_size", "10",
        "-hls_flags", "delete_segments+independent_segments+append_list+program_date_time",
        "-hls_segment_filename", Path.Combine(Path.GetDirectoryName(target.Address)!, $"segment-{attempt}-%05d.ts"),
    ];

    /// <summary>The ffmpeg URL for <paramref name="target"/>; files get a new name per attempt and the <c>file:</c> protocol.</summary>
    public static string Destination(OutputTarget target, int attempt) =>
        target.Kind == OutputKind.File ? "file:" + target.PathForAttempt(attempt) : target.Address;

    /// <summary>
    /// Outputs written by the encoder process itself (VP8/VP9, which MPEG-TS cannot carry): one destination, or
    /// several through the tee muxer.
    /// </summary>
    public static IReadOnlyList<string> ForDirectFiles(IReadOnlyList<OutputTarget> targets, int attempt)
    {
        var progress = new[] { "-progress", "pipe:1", Overwrite(targets) };
        if (targets.Count == 1) return [.. MuxerArguments(targets[0]), .. progress, Destination(targets[0], attempt)];
        var slaves = targets.Select(t => $"[f={t.Format}]{EscapeTee(Destination(t, attempt))}");
        return ["-f", "tee", .. progress, string.Join('|', slaves)];
    }

    /// <summary>-y replaces existing files; -n makes ffmpeg fail instead, when any target must keep what exists.</summary>
    private static string Overwrite(IEnumerable<OutputTarget> targets) => targets.All(t => t.MayOverwrite) ? "-y" : "-n";

    private static string EscapeTee(string path)
    {
        foreach (var special in new[] { "\\", "|", "[", "]", ":", "'" })
            path = path.Replace(special, "\\" + special, StringComparison.Ordinal);
        return path;
    }
}
