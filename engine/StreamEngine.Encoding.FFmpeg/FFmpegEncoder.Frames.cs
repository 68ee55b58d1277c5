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
    /// ffmpeg flushes) or the process dies. Runs on its own thread with blocking writes: an async pipe write of a
    /// multi-megabyte frame costs the engine about twice the CPU in thread-pool wake-ups.
    /// </summary>
    private Task WriteFramesAsync(FFmpegProcess process, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => WriteFrames(process, cancellationToken), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void WriteFrames(FFmpegProcess process, CancellationToken cancellationToken)
    {
        try
        {
            while (_frames.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                if (!_frames.Reader.TryRead(out var frame)) continue;
                try
                {
                    _audioPacing?.Video(frame.Time.Index);
                    process.Input.Write(frame.Pixels.Span);
                    Interlocked.Increment(ref _framesWritten);
                }
                catch (IOException)
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
            _audioPacing?.EndOfVideo();
        }
        catch (IOException) { } // the process died; the run loop restarts it
        catch (OperationCanceledException) { }
    }
}
