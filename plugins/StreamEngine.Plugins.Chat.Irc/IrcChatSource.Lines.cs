using Microsoft.Extensions.Logging;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Irc;

/// <summary>What the source does with each line the server sends.</summary>
internal sealed partial class IrcChatSource
{
    /// <summary>Handles a line; returns why the connection should end, or null to read on.</summary>
    private string? Handle(IrcLine line, ref bool live)
    {
        switch (line.Command)
        {
            case "PING":
                _ = WriteAsync("PONG :" + line.Param(0), CancellationToken.None).ContinueWith(_ => { }, TaskContinuationOptions.OnlyOnFaulted);
                break;
            case "001":
                _ = WriteAsync("JOIN " + endpoint.Channel, CancellationToken.None).ContinueWith(_ => { }, TaskContinuationOptions.OnlyOnFaulted);
                break;
            case "433" or "432" when !live:
                // Taken (433), or refused (432) — mostly for length: many networks keep RFC 1459's 9 characters, which
                // the default nick exceeds. Another one fits them all: its first 5 characters and 4 digits.
                _ = WriteAsync($"NICK {endpoint.Nick[..Math.Min(endpoint.Nick.Length, 5)]}{Random.Shared.Next(1000, 9999)}", CancellationToken.None)
                    .ContinueWith(_ => { }, TaskContinuationOptions.OnlyOnFaulted);
                break;
            case "JOIN" or "366" or "ROOMSTATE" when !live:
                live = true;
                context.Sink.Report(ChatConnectionState.Live, null);
                context.Logger.LogInformation("Chat source {Id}: joined {Endpoint}", context.Id, endpoint.ToString());
                break;
            case "PRIVMSG" when string.Equals(line.Param(0), endpoint.Channel, StringComparison.OrdinalIgnoreCase):
                if (ChatLines.Message(line, $"{context.Id}-{Interlocked.Increment(ref _received)}") is { } message) context.Sink.Post(message);
                break;
            case "CLEARMSG" when line.Tag("target-msg-id") is { Length: > 0 } removed:
                context.Sink.Retract(removed);
                break;
            case "CLEARCHAT":
                // A ban or timeout names the user (target-user-id, and the login as the parameter; ban-duration in
                // seconds for a timeout); without one the whole chat was cleared.
                var login = line.Param(1) is { Length: > 0 } named ? named.ToLowerInvariant() : null;
                if ((line.Tag("target-user-id") is { Length: > 0 } userId ? userId : login) is not { } target) context.Sink.RetractAuthor(null);
                else context.Sink.Ban(target, login, BanDuration(line.Tag("ban-duration")));
                break;
            case "RECONNECT":
                return Reconnect;
            case "NOTICE" when line.Param(1).Contains("authentication failed", StringComparison.OrdinalIgnoreCase)
                                || line.Tag("msg-id") is "msg_banned" or "msg_channel_suspended":
                return "the server refused: " + line.Param(1);
            case "ERROR":
                return "the server ended the session: " + line.Param(0);
            case "464" or "465" or "471" or "473" or "474" or "475":
                return $"the server refused ({line.Command}): {line.Params[^1]}";
        }
        return null;
    }

    /// <summary>A timeout's length from Twitch's <c>ban-duration</c> tag (seconds); null (a ban) when absent or unreadable.</summary>
    private static TimeSpan? BanDuration(string? seconds) =>
        int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(Math.Min(s, 31_536_000)) : null;
}
