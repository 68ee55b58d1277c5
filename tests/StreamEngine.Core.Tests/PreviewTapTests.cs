using System.Collections.Concurrent;
using SkiaSharp;
using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Tests;

/// <summary>The dashboard's preview: a downscaled JPEG of delivered frames, only while watched, never in the stream's way.</summary>
public sealed class PreviewTapTests
{
    private static readonly VideoFormat Format = new(1280, 720, 30);

    [Fact]
    public async Task A_watched_tap_hands_on_every_frame_and_sends_a_640_px_jpeg_of_what_it_shows()
    {
        var passed = new CountingSink();
        var tap = new PreviewTap(passed) { Watched = () => true };
        var picture = new TaskCompletionSource<PreviewImage>(TaskCreationOptions.RunContinuationsAsynchronously);
        tap.Encoded += image => picture.TrySetResult(image);

        Assert.True(tap.TryWrite(Frame(0, new SKColor(224, 128, 32))));

        Assert.Equal(1, passed.Frames);
        var image = await picture.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var decoded = SKBitmap.Decode(image.Jpeg);
        Assert.Equal((640, 360), (decoded.Width, decoded.Height));
        Assert.Equal((640, 360, 0L), (image.Width, image.Height, image.Frame));
        var pixel = decoded.GetPixel(320, 180);
        Assert.True(Math.Abs(pixel.Red - 224) < 10 && Math.Abs(pixel.Green - 128) < 10 && Math.Abs(pixel.Blue - 32) < 10, $"got {pixel}");
    }

    [Fact]
    public async Task Nothing_is_encoded_until_someone_watches_and_then_at_most_ten_pictures_a_second()
    {
        var watched = false;
        var tap = new PreviewTap(new CountingSink()) { Watched = () => watched };
        var pictures = new ConcurrentQueue<PreviewImage>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tap.Encoded += image => { pictures.Enqueue(image); first.TrySetResult(); };

        for (var i = 0; i < 30; i++) tap.TryWrite(Frame(i, SKColors.Black));
        watched = true;
        for (var i = 30; i < 60; i++) tap.TryWrite(Frame(i, SKColors.White));
        await first.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(30, pictures.First().Frame); // the first frame someone watched; none before
        Assert.InRange(pictures.Count, 1, 10); // one second of show time
        Assert.All(pictures.Zip(pictures.Skip(1)), p => Assert.True(p.Second.Frame - p.First.Frame >= 3, "at most one picture per 100 ms of show time"));
    }

    private static VideoFrame Frame(long index, SKColor color)
    {
        var pixels = new byte[Format.FrameBytes];
        for (var i = 0; i < pixels.Length; i += 4) (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (color.Blue, color.Green, color.Red, 255);
        return new VideoFrame(pixels, Format, _ => { }) { Time = new FrameTime(index, Format.Fps) };
    }

    private sealed class CountingSink : IFrameSink
    {
        public int Frames;

        public bool TryWrite(VideoFrame frame)
        {
            Interlocked.Increment(ref Frames);
            frame.Release();
            return true;
        }

        public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken)
        {
            TryWrite(frame);
            return ValueTask.CompletedTask;
        }
    }
}
