namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Reads ffmpeg's <c>-progress pipe:1</c> report (key=value lines, a block every half second) and says when the
/// output advanced.
/// </summary>
/// <param name="sizeUnknown">The muxer reports no size (HLS writes many files): stream time alone says it delivered.</param>
internal sealed class FFmpegProgress(bool sizeUnknown = false)
{
    private long _totalSize;
    private long _outTimeMicroseconds;
    private long _frames;

    /// <summary>Bytes ffmpeg has written to its output.</summary>
    public long TotalSize => _totalSize;

    /// <summary>Stream time written so far, in microseconds.</summary>
    public long OutTimeMicroseconds => _outTimeMicroseconds;

    /// <summary>Video frames written so far.</summary>
    public long Frames => _frames;

    /// <summary>True once data reached the destination: a header and at least one timestamped packet.</summary>
    public bool HasDelivered => (_totalSize > 0 || sizeUnknown) && _outTimeMicroseconds > 0;

    /// <summary>Reads reports from <paramref name="reader"/> until it ends; calls <paramref name="advanced"/> whenever the output grew.</summary>
    public async Task ReadAsync(TextReader reader, Action advanced, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var eq = line.IndexOf('=');
            if (eq < 0 || !long.TryParse(line.AsSpan(eq + 1), out var value)) continue;
            var key = line.AsSpan(0, eq);
            if (key.SequenceEqual("frame")) _frames = value;
            else if (key.SequenceEqual("total_size") && value > _totalSize)
            {
                _totalSize = value;
                advanced();
            }
            else if (key.SequenceEqual("out_time_us") && value > _outTimeMicroseconds)
            {
                _outTimeMicroseconds = value;
                advanced();
            }
        }
    }
}
