using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

public sealed partial class FFmpegEncoder
{
    /// <summary>
    /// Live mode: queues the frame without waiting. False when the small frame queue is full or the encoder process is
    /// being restarted; the caller keeps and releases the frame. A refused frame's slot is filled with the previous
    /// picture once the next frame arrives (and counted in <see cref="FramesDropped"/> then); while the process
    /// restarts there is no previous picture to repeat, so it is counted here.
    /// </summary>
    public bool TryWrite(VideoFrame frame)
    {
        if (_accepting && _frames.Writer.TryWrite(frame)) return true;
        if (!_accepting) Interlocked.Increment(ref _framesDropped);
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
        var size = InputFrameBytes(format);
        var slots = _slots ??= new FrameSlots(format.Fps);
        VideoFrame? held = null; // without a conversion buffer, the last frame written stays here to be repeated
        var pictures = 0; // written by this process: the first one after a hand-over has no picture before it to repeat
        try
        {
            while (_frames.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                if (!_frames.Reader.TryRead(out var frame)) continue;
                var released = false;
                try
                {
                    _audioPacing?.Video(frame.Time.Index);
                    var skipped = slots.Skipped(frame.Time.Index);
                    if (pictures > 0) RepeatPrevious(process, skipped, yuv ?? held!.Buffer, size);
                    byte[] written;
                    if (_settings.FramesPreConverted) process.Input.Write(written = frame.Buffer, 0, size);
                    else if (yuv is null)
                    {
                        OfferToRenditions(frame.Pixels.Span, frame.Time);
                        process.Input.Write(frame.Pixels.Span);
                        written = frame.Buffer;
                    }
                    else
                    {
                        converted = Convert(frame, yuv, converted);
                        frame.Release(); // the renderer gets its buffer back before the pipe write blocks
                        released = true;
                        OfferToRenditions(yuv.AsSpan(0, size), frame.Time);
                        process.Input.Write(written = yuv, 0, size);
                    }
                    // The slots skipped since the last process (an adaptive step's) show this picture: the timeline has no hole.
                    if (pictures++ == 0) RepeatPrevious(process, skipped, written, size);
                    Interlocked.Increment(ref _framesWritten);
                    if (_processFrames.First < 0) _processFrames.First = frame.Time.Index - skipped;
                    _processFrames.Last = frame.Time.Index;
                    if (!released && yuv is null)
                    {
                        held?.Release();
                        held = frame;
                        released = true;
                    }
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
            held?.Release();
            if (yuv is not null) System.Buffers.ArrayPool<byte>.Shared.Return(yuv);
        }
    }

    /// <summary>
    /// Fills the slots the engine skipped (its frame thread was late, or this queue was full) with the picture written
    /// last, so the video has one frame per tick of the frame clock, as the sound has its samples: a skipped slot
    /// never moves the sound against the picture. Counted as dropped: a viewer sees the picture stand still.
    /// </summary>
    private void RepeatPrevious(FFmpegProcess process, int skipped, byte[] previous, int size)
    {
        if (skipped == 0) return;
        Interlocked.Add(ref _framesDropped, skipped);
        for (var i = 0; i < skipped; i++) process.Input.Write(previous, 0, size);
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
