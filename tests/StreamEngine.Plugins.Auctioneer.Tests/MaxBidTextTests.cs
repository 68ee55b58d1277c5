namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>What chat text is a max (proxy) bid.</summary>
public sealed class MaxBidTextTests
{
    [Theory]
    [InlineData("max 300", "300", null)]
    [InlineData("MAX BID $300", "300", "USD")]
    [InlineData("!max 1,200", "1200", null)]
    [InlineData("proxy 1.5k", "1500", null)]
    [InlineData("my max is 2.5 eth", "2.5", "ETH")]
    [InlineData("max: €45", "45", "EUR")]
    public void A_max_bid_reads_its_amount_and_currency(string text, string amount, string? currency) =>
        Assert.Equal((decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency), AuctioneerBehaviour.ReadMax(text)!.Value);

    [Theory]
    [InlineData("300")]
    [InlineData("max")]
    [InlineData("what is the max bid?")]
    [InlineData("max 0")]
    [InlineData("the max is too high 300")]
    [InlineData("max 99999999999999999999999")]
    public void Other_text_is_not_a_max_bid(string text) => Assert.Null(AuctioneerBehaviour.ReadMax(text));
}
