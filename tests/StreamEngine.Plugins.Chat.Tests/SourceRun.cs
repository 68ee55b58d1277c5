using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Chat;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>A chat source started as the engine starts one, posting into a real feed that the test advances frame by frame.</summary>
internal sealed class SourceRun : IAsyncDisposable
{
    private long _frame;

    private SourceRun(IChatSource source, FeedSink sink, ChatFeed feed)
    {
        Source = source;
        Sink = sink;
        Feed = feed;
    }

    public IChatSource Source { get; }
    public FeedSink Sink { get; }
    public ChatFeed Feed { get; }

    public static async Task<SourceRun> StartAsync(IChatSourceType type, string settings, Core.Scene.ShowLimits? limits = null)
    {
        var feed = new ChatFeed(1000) { Limits = limits ?? new() };
        var sink = new FeedSink(feed, type.Name);
        var source = type.Create(new ChatSourceContext(type.Name, (JsonObject)JsonNode.Parse(settings)!, sink, NullLogger.Instance));
        await source.StartAsync(CancellationToken.None);
        return new SourceRun(source, sink, feed);
    }

    public List<ChatMessage> Messages()
    {
        Feed.OnFrame(new FrameTime(_frame++, 30));
        var all = new ChatMessage[Feed.Capacity];
        return [.. all.Take(Feed.CopyLatest(all))];
    }

    /// <summary>Advances the feed until the condition holds; fails with what the feed and states were after <paramref name="seconds"/>.</summary>
    public async Task<List<ChatMessage>> UntilAsync(Func<List<ChatMessage>, bool> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var messages = Messages();
            if (condition(messages)) return messages;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{what}: not within {seconds} s. Messages: {string.Join(" | ", messages.Select(m => $"{m.Author}: {m.Text}"))}. States: {string.Join(" | ", Sink.States)}");
            await Task.Delay(20);
        }
    }

    public Task UntilStateAsync(Func<(ChatConnectionState State, string? Reason), bool> condition, string what, double seconds = 30) =>
        UntilAsync(_ => Sink.States.Any(condition), what, seconds);

    public async ValueTask DisposeAsync()
    {
        await Source.StopAsync(CancellationToken.None);
        await Source.DisposeAsync();
    }
}
