namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class ChunkQueueTests
{
    private static readonly byte[] Header = [0x47, 0, 0];

    [Fact]
    public async Task A_new_process_starts_at_a_keyframe_with_the_header_first()
    {
        var queue = new ChunkQueue(1000, TimeProvider.System);
        queue.Open();

        queue.Offer(Chunk(100, keyframe: false));
        queue.Offer(Chunk(101, keyframe: true));
        queue.Complete();

        Assert.Equal(Header, await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(101, (await queue.TakeAsync(CancellationToken.None))!.Length);
        Assert.Null(await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(0, queue.DroppedChunks);
    }

    [Fact]
    public async Task A_full_queue_drops_every_chunk_up_to_the_next_keyframe_and_counts_them()
    {
        var queue = new ChunkQueue(250, TimeProvider.System);
        queue.Open();

        queue.Offer(Chunk(100, keyframe: true)); // header + 100
        queue.Offer(Chunk(100, keyframe: false)); // 203
        queue.Offer(Chunk(100, keyframe: false)); // would be 303: dropped
        queue.Offer(Chunk(10, keyframe: false)); // fits, but the GOP is broken: dropped
        Assert.Equal(Header, await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(100, (await queue.TakeAsync(CancellationToken.None))!.Length);
        queue.Offer(Chunk(102, keyframe: true)); // room again, and a keyframe: taken
        queue.Complete();

        Assert.Equal(100, (await queue.TakeAsync(CancellationToken.None))!.Length);
        Assert.Equal(102, (await queue.TakeAsync(CancellationToken.None))!.Length);
        Assert.Null(await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(2, queue.DroppedChunks);
    }

    private static TsChunk Chunk(int length, bool keyframe) => new(new byte[length], keyframe ? Header : null);
}
