using StreamEngine.Plugins.Layers.Auction;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>The words and numbers the auction layers put on screen: prices by currency and the countdown's clock.</summary>
public sealed class AuctionTextTests
{
    [Theory]
    [InlineData(1250, "USD", "$1,250")]
    [InlineData(1250.5, "USD", "$1,250.50")]
    [InlineData(1234567890, "USD", "$1,234,567,890")]
    [InlineData(980, "eur", "€980")]
    [InlineData(75, "GBP", "£75")]
    [InlineData(15000.4, "JPY", "¥15,000")]
    [InlineData(2.45, "ETH", "2.45 ETH")]
    [InlineData(0.015, "BTC", "0.015 BTC")]
    [InlineData(1200, "chf", "1,200 CHF")]
    [InlineData(300, null, "$300")]
    [InlineData(double.NaN, "USD", "$0")]
    public void A_price_is_written_the_way_its_currency_is_usually_written(double amount, string? currency, string expected) =>
        Assert.Equal(expected, Money.Format(amount, currency));

    [Theory]
    [InlineData(60, "01:00")]
    [InlineData(59.2, "01:00")]
    [InlineData(9.5, "00:10")]
    [InlineData(0.2, "00:01")]
    [InlineData(0, "00:00")]
    [InlineData(3725, "1:02:05")]
    public void The_countdown_rounds_up_so_the_last_second_shows_until_it_is_over(double seconds, string expected) =>
        Assert.Equal(expected, CountdownLayer.Clock(seconds));
}
