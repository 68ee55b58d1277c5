using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Testing;

namespace PluginName.Tests;

public sealed class TickerSourceTests
{
    [Fact]
    public async Task The_ticker_says_its_text_every_period_of_show_time()
    {
        var sink = new RecordingChatSink();
        var settings = new JsonObject { ["everySeconds"] = 2, ["text"] = "lot 7 closes soon" };
        await using var source = new TickerSource().Create(new ChatSourceContext("ticker", settings, sink, NullLogger.Instance));
        await source.StartAsync(CancellationToken.None);

        var clock = new ManualFrameClock(30);
        clock.Ticked += time => ((IShowTimeChatSource)source).OnFrame(time, new FakeChatFeed(clock));
        clock.AdvanceSeconds(5);

        Assert.Equal(["lot 7 closes soon", "lot 7 closes soon"], sink.Messages.Select(m => m.Text));
        Assert.Equal(ChatConnectionState.Live, sink.States[0].State);
    }

    [Fact]
    public void A_period_out_of_range_is_refused_naming_the_setting()
    {
        var settings = new JsonObject { ["everySeconds"] = 0 };
        var e = Assert.Throws<ArgumentException>(() => new TickerSource().Create(new ChatSourceContext("ticker", settings, new RecordingChatSink(), NullLogger.Instance)));
        Assert.Contains("settings.everySeconds", e.Message);
    }
}
