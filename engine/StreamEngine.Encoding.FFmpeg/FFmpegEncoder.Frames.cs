using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

public sealed partial class FFmpegEncoder
{
    /// <summary>
    /// Live mode: queues the frame without waiting. False (and counted in <see cref="FramesDropped"/>) when the
    /// small frame queue is full or the encoder process is being restarted; the caller keeps and releases the frame.
    /// </summary>
    public bool TryWrite(VideoFrame frame)
    {
        if (_accepting && _frames.Writer.TryWrite(frame)) return true;
        Interlocked.Increment(ref _framesDropped);
        return false;
    }

    /// <summary>Offline mode: waits for room in the frame queue (also while a dead encoder process is restarted).</summary>
    public async ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            await _frames.Writer.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Threading.Channels.ChannelClosedException or OperationCanceledException)
        {
            frame.Release();
            if (e is OperationCanceledException) throw;
            throw new InvalidOperationException("The encoder is stopped; it takes no more frames.", e);
        }
    }

    /// <summary>
    /// Writes queued frames to one encoder process's stdin until the queue completes (stop: then closes stdin so
    /// ffmpeg flushes) or the process dies.
    /// </summary>
    private async Task WriteFramesAsync(FFmpegProcess process, CancellationToken cancellationToken)
    {
        try
        {
            while (await _frames.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!_frames.Reader.TryRead(out var frame)) continue;
                try
                {
                    await process.Input.WriteAsync(frame.Pixels, cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _framesWritten);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                    Interlocked.Increment(ref _framesDropped);
                    throw;
                }
                finally
                {
                    frame.Release();
                }
            }
            process.CloseInput();
        }
        catch (IOException) { } // the process died; the run loop restarts it
        catch (OperationCanceledException) { }
    }
}
