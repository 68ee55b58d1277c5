using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Tests;

/// <summary>The fake X API and a client pointed at it, both on one skipping clock.</summary>
public sealed class XClientFixture : IAsyncDisposable
{
    public SkippingClock Clock { get; } = new();
    public required FakeX X { get; init; }
    public required XApiClient Client { get; init; }
    public required HttpClient Http { get; init; }
    public XReads Reads => new(Client);

    public static async Task<XClientFixture> StartAsync(XApiOptions? options = null, OAuth1Credentials? credentials = null)
    {
        var clock = new SkippingClock();
        var x = await FakeX.StartAsync(clock);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = new XApiClient(http, new OAuth1Authenticator(credentials ?? FakeX.Credentials, clock),
            (options ?? new XApiOptions()) with { BaseUrl = x.BaseUrl }, clock, new Random(7));
        return new XClientFixture(clock) { X = x, Client = client, Http = http };
    }

    private XClientFixture(SkippingClock clock) => Clock = clock;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await X.DisposeAsync();
    }
}
