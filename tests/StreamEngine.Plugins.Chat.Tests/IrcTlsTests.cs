using StreamEngine.Plugins.Chat.Irc;
using StreamEngine.Sdk.Chat;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>
/// An <c>ircs://</c> channel: ngircd behind a TLS terminator with a self-signed certificate made by the test. The
/// source refuses it by default (the system does not trust it), and reads the channel once the certificate is pinned
/// with <c>tlsFingerprint</c>; a wrong pin is refused too.
/// </summary>
public sealed class IrcTlsTests
{
    [Fact]
    public async Task A_self_signed_server_is_refused_by_default_and_read_once_its_certificate_is_pinned()
    {
        using var server = new IrcServer();
        using var tls = new TlsTerminator(server.Port);

        await using (var refused = await SourceRun.StartAsync(new IrcSourceType(), $$"""{ "url": "ircs://127.0.0.1:{{tls.Port}}/#show", "nick": "engine" }"""))
            await refused.UntilStateAsync(s => s.State == ChatConnectionState.Reconnecting && s.Reason!.StartsWith($"ircs://127.0.0.1:{tls.Port}/#show:"), "refused by default");
        var wrong = new string('0', 64);
        await using (var pinnedWrong = await SourceRun.StartAsync(new IrcSourceType(), $$"""{ "url": "ircs://127.0.0.1:{{tls.Port}}/#show", "nick": "engine", "tlsFingerprint": "{{wrong}}" }"""))
            await pinnedWrong.UntilStateAsync(s => s.State == ChatConnectionState.Reconnecting, "a wrong pin refused");

        var colons = string.Join(':', tls.Fingerprint.Chunk(2).Select(c => new string(c))); // as openssl prints it
        await using var run = await SourceRun.StartAsync(new IrcSourceType(), $$"""{ "url": "ircs://127.0.0.1:{{tls.Port}}/#show", "nick": "engine", "tlsFingerprint": "{{colons}}" }""");
        await run.UntilStateAsync(s => s.State == ChatConnectionState.Live, "joined #show over TLS");
        using var viewer = await IrcViewer.JoinAsync(server.Port, "mara", "#show");
        await viewer.SayAsync("#show", "2.6 ETH over TLS");
        var messages = await run.UntilAsync(m => m.Count == 1, "mara's message");
        Assert.Equal(("mara", "2.6 ETH over TLS"), (messages[0].Author, messages[0].Text));
        Assert.DoesNotContain(run.Sink.States, s => s.State == ChatConnectionState.Reconnecting);
    }

    [Theory]
    [InlineData("""{ "url": "irc://127.0.0.1/#a", "tlsFingerprint": "00" }""", "tlsFingerprint: only for an ircs:// url")]
    [InlineData("""{ "url": "ircs://127.0.0.1/#a", "tlsFingerprint": "AB:CD" }""", "tlsFingerprint: expected the server certificate's SHA-256")]
    public void A_bad_pin_names_the_setting(string settings, string error) =>
        Assert.StartsWith(error, Assert.Throws<FormatException>(() => new IrcSourceType().Create(new ChatSourceContext("irc",
            (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(settings)!, new FeedSink(new()), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))).Message);
}
