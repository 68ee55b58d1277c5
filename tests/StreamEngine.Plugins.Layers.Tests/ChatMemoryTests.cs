using StreamEngine.Core.Chat;
using Xunit.Abstractions;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>Runs alone: the managed heap is process-wide, so tests allocating beside it would blur the measure.</summary>
[CollectionDefinition(nameof(ChatMemoryTests), DisableParallelization = true)]
public sealed class ChatMemoryCollection;

/// <summary>The chat layer keeps only what is on screen: memory stays flat however many messages come in.</summary>
[Collection(nameof(ChatMemoryTests))]
public sealed class ChatMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Managed_memory_stays_flat_with_30000_messages_at_50_per_second()
    {
        using var run = new ChatRun(320, 180, """{ "maxVisible": 10 }""");
        const int total = 30_000, perSecond = 50, fps = 30;
        var posted = 0;
        long baseline = 0;
        for (var frame = 0; posted < total; frame++)
        {
            var due = (int)Math.Min(total, (long)perSecond * (frame + 1) / fps);
            for (; posted < due; posted++)
                run.Chat.Post(new ChatPost("api", $"viewer{posted % 500}", $"message {posted}: what a lot this is, bidding soon {posted % 7}",
                    posted % 10 == 0 ? ["moderator"] : null, null, posted % 25 == 0 ? "bid" : null));
            run.Frame(frame);
            if (posted >= 3_000 && baseline == 0) baseline = GC.GetTotalMemory(forceFullCollection: true);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"managed heap after 3000 messages: {baseline / 1024} KiB, after {total}: {after / 1024} KiB");
        Assert.Equal(total, run.Chat.LastSequence);
        Assert.Empty(run.Compositor.Errors);
        Assert.True(after - baseline < 2 * 1024 * 1024, $"managed heap grew by {(after - baseline) / 1024} KiB over {total - 3000} messages");
    }
}
