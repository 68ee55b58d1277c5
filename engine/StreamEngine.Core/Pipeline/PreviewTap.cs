using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Pipeline;

/// <summary>A preview picture of the program output: JPEG bytes, its size, and the show frame it shows.</summary>
public sealed record PreviewImage(byte[] Jpeg, int Width, int Height, long Frame);

/// <summary>
/// Sits in front of the encoder and, while someone watches (<see cref="Watched"/>), hands a downscaled JPEG of the
/// program to <see cref="Encoded"/> about <see cref="Fps"/> times a second. The frame thread only copies the delivered
/// frame's pixels, and only when the previous picture is done; scaling and JPEG encoding run on a worker, so a slow
/// encode skips preview frames and never delays the stream. Nobody watching costs one call to <see cref="Watched"/> per frame.
/// </summary>
public sealed class PreviewTap(IFrameSink inner, ILogger? logger = null) : IFrameSink
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private int _encoding;
    private double _nextAt;

    /// <summary>Asked on the frame thread before each frame: whether anyone watches the preview now. Must be cheap.</summary>
    public Func<bool>? Watched { get; set; }

    /// <summary>Raised on a worker thread with each new picture.</summary>
    public event Action<PreviewImage>? Encoded;

    /// <summary>Width of the pictures in pixels (the height keeps the aspect); never wider than the program.</summary>
    public int Width { get; init; } = 640;

    /// <summary>Pictures per second of show time, at most.</summary>
    public double Fps { get; init; } = 10;

    /// <summary>JPEG quality, 1-100.</summary>
    public int Quality { get; init; } = 70;

    public bool TryWrite(VideoFrame frame)
    {
        Offer(frame);
        return inner.TryWrite(frame);
    }

    public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken)
    {
        Offer(frame);
        return inner.WriteAsync(frame, cancellationToken);
    }

    private void Offer(VideoFrame frame)
    {
        var at = frame.Time.Seconds;
        // A clock that jumped back (a restored show) would otherwise wait out the old time.
        if (at < _nextAt - 1) _nextAt = at;
        if (at < _nextAt || Encoded is null || Watched?.Invoke() != true) return;
        if (Interlocked.CompareExchange(ref _encoding, 1, 0) != 0) return; // the last picture is still being encoded
        _nextAt = at + 1 / Fps;
        var format = frame.Format;
        SKImage copy;
        try
        {
            copy = SKImage.FromPixelCopy(new SKImageInfo(format.Width, format.Height, SKColorType.Bgra8888, SKAlphaType.Premul),
                frame.Pixels.Span, format.Width * 4);
        }
        catch (Exception e)
        {
            Volatile.Write(ref _encoding, 0);
            _logger.LogWarning(e, "Preview frame not copied");
            return;
        }
        var index = frame.Time.Index;
        ThreadPool.UnsafeQueueUserWorkItem(_ => Encode(copy, index), null);
    }

    private void Encode(SKImage source, long frameIndex)
    {
        try
        {
            using (source)
            {
                var (jpeg, width, height) = PreviewJpeg.Encode(source, Width, Quality);
                Encoded?.Invoke(new PreviewImage(jpeg, width, height, frameIndex));
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Preview frame not encoded");
        }
        finally
        {
            Volatile.Write(ref _encoding, 0);
        }
    }
}
