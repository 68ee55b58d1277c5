using Microsoft.Extensions.Time.Testing;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

public sealed class RequestRateLimitTests
{
    [Fact]
    public void A_burst_is_allowed_then_requests_come_back_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var rate = new RequestRateLimit(perSecond: 10, burst: 5, time);

        Assert.True(rate.TryTake(5));
        Assert.False(rate.TryTake(1));
        Assert.Equal(TimeSpan.FromMilliseconds(100), rate.Until(1));
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(rate.TryTake(1));
        Assert.False(rate.TryTake(1));
    }

    [Fact]
    public void A_batch_takes_a_token_per_request_or_none()
    {
        var time = new FakeTimeProvider();
        var rate = new RequestRateLimit(perSecond: 10, burst: 5, time);

        Assert.True(rate.TryTake(3));
        Assert.False(rate.TryTake(3)); // two left: the batch is refused whole and takes nothing
        Assert.True(rate.TryTake(2));
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(rate.TryTake(5)); // a quiet client gets its burst back, no more
        Assert.False(rate.TryTake(1));
    }
}
