namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>
/// The host's calls say the price the banner shows: "Going twice at $425!", and the next increment only as the bid
/// asked for ("Do I hear $435?"), never as the price going (a call of "$435 — going twice!" under a $425 banner).
/// </summary>
public sealed class LinesTests
{
    [Theory]
    [InlineData("goingOnce")]
    [InlineData("goingTwice")]
    public void Every_call_with_a_bid_names_the_price_on_the_banner(string moment)
    {
        Assert.All(Lines.Default[moment], line =>
        {
            Assert.Contains("{price}", line);
            Assert.True(line.IndexOf("{next}", StringComparison.Ordinal) < 0 || line.IndexOf("{next}", StringComparison.Ordinal) > line.IndexOf("{price}", StringComparison.Ordinal),
                $"'{line}' calls the next bid before the price going");
        });
    }
}
