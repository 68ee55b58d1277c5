using System.Collections.Concurrent;
using StreamEngine.Core.Chat;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>A sink into a real chat feed, as the engine gives a source: posts enter the feed, states are kept in order.</summary>
internal sealed class FeedSink(ChatFeed feed, string source = "src") : IChatSink
{
    public ConcurrentQueue<(ChatConnectionState State, string? Reason)> States { get; } = new();

    public void Post(IncomingChatMessage message) => feed.Post(ChatPost.From(source, message, feed.Limits));

    public void Report(ChatConnectionState state, string? reason = null) => States.Enqueue((state, reason));

    public void Retract(string messageId) => feed.Retract(new ChatRetraction(source, messageId, null));

    public void RetractAuthor(string? authorId) => feed.Retract(new ChatRetraction(source, null, authorId));

    public void Ban(string authorId, string? name, TimeSpan? duration) => feed.Retract(ChatRetraction.Banned(source, authorId, name, duration));
}
