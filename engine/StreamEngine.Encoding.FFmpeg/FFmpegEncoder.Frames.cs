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

    /// <summary>The bytes of one frame as ffmpeg reads it: YUV 4:2:0 or BGRA (a rendition's frames arrive in that form).</summary>
    private int InputFrameBytes(VideoFormat format) =>
        _settings.FeedsYuv(format.Width, format.Height) ? I420Converter.FrameBytes(format.Width, format.Height) : format.FrameBytes;

    private void WriteFrames(FFmpegProcess process, CancellationToken cancellationToken)
    {
        // The YUV conversion happens here, on the writer thread, never on the frame clock's; one pooled buffer per run.
        var format = _format!;
        var yuv = _settings.FeedsYuv(format.Width, format.Height) && !_settings.FramesPreConverted
            ? System.Buffers.ArrayPool<byte>.Shared.Rent(I420Converter.FrameBytes(format.Width, format.Height)) : null;
        var converted = -1L; // the content version the yuv buffer holds
        try
        {
            while (_frames.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                if (!_frames.Reader.TryRead(out var frame)) continue;
                var released = false;
                try
                {
                    _audioPacing?.Video(frame.Time.Index);
                    if (_settings.FramesPreConverted) process.Input.Write(frame.Buffer, 0, InputFrameBytes(format));
                    else if (yuv is null)
                    {
                        OfferToRenditions(frame.Pixels.Span, frame.Time);
                        process.Input.Write(frame.Pixels.Span);
                    }
                    else
                    {
                        var size = I420Converter.FrameBytes(format.Width, format.Height);
                        converted = Convert(frame, yuv, converted);
                        frame.Release(); // the renderer gets its buffer back before the pipe write blocks
                        released = true;
                        OfferToRenditions(yuv.AsSpan(0, size), frame.Time);
                        process.Input.Write(yuv, 0, size);
                    }
                    Interlocked.Increment(ref _framesWritten);
                    if (_processFrames.First < 0) _processFrames.First = frame.Time.Index;
                    _processFrames.Last = frame.Time.Index;
                    if (_handOver && HandingOver()) break; // an adaptive step: this process ends here, the next bitrate takes the next frame
                }
                catch (IOException)
                {
                    Interlocked.Increment(ref _framesDropped);
                    throw;
                }
                finally
                {
                    if (!released) frame.Release();
                }
            }
            process.CloseInput();
            if (!_handOver) _audioPacing?.EndOfVideo(); // the audio goes on into the next process
        }
        catch (IOException) { } // the process died; the run loop restarts it
        catch (OperationCanceledException) { }
        finally
        {
            if (yuv is not null) System.Buffers.ArrayPool<byte>.Shared.Return(yuv);
        }
    }

    /// <summary>
    /// Brings <paramref name="yuv"/>, which holds the frame <paramref name="converted"/>, up to <paramref name="frame"/>:
    /// when the engine says where the two differ only those rectangles are converted again (most frames of a show
    /// change a countdown bar, a sprite or a chat line); otherwise the whole frame. Returns the version it now holds.
    /// </summary>
    private static long Convert(VideoFrame frame, byte[] yuv, long converted)
    {
        var format = frame.Format;
        if (converted >= 0 && frame.ChangedSince == converted)
            foreach (var rect in frame.ChangedRects) I420Converter.ConvertArea(frame.Pixels.Span, yuv, format.Width, format.Height, rect);
        else I420Converter.Convert(frame.Pixels.Span, yuv, format.Width, format.Height);
        return frame.ContentVersion;
    }
}
