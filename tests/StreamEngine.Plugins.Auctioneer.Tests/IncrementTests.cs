using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer.Tests;

public sealed class IncrementTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(29.99, 1)]
    [InlineData(30, 2)]
    [InlineData(49, 2)]
    [InlineData(50, 3)]
    [InlineData(99, 3)]
    [InlineData(100, 5)]
    [InlineData(299, 5)]
    [InlineData(300, 10)]
    [InlineData(999, 10)]
    [InlineData(1000, 20)]
    [InlineData(1999, 20)]
    [InlineData(2000, 50)]
    [InlineData(1_000_000, 50)]
    public void Default_bands_follow_the_live_shopping_apps(double price, double step) =>
        Assert.Equal((decimal)step, IncrementRule.Default.After((decimal)price));

    [Theory]
    [InlineData("0.1", 2.5, 0.1)]
    [InlineData("""{ "fixed": 5 }""", 1000, 5)]
    [InlineData("""{ "bands": [ { "below": 10, "step": 0.5 } ], "above": 2 }""", 9, 0.5)]
    [InlineData("""{ "bands": [ { "below": 10, "step": 0.5 } ], "above": 2 }""", 10, 2)]
    public void Increment_rules_read_from_the_lots_file(string json, double price, double step) =>
        Assert.Equal((decimal)step, IncrementRule.Read(JsonNode.Parse(json), "increment").After((decimal)price));

    [Theory]
    [InlineData("0", "increment")]
    [InlineData("""{ "bands": [ { "below": 10, "step": 1 }, { "below": 5, "step": 2 } ] }""", "increment.bands[1].below")]
    [InlineData("""{ "bands": [ { "below": 10 } ] }""", "increment.bands[0].step")]
    [InlineData("\"big\"", "increment")]
    public void A_bad_increment_names_the_field(string json, string field) =>
        Assert.Equal(field, Assert.Throws<LotsFileException>(() => IncrementRule.Read(JsonNode.Parse(json), "increment")).Field);

    [Theory]
    [InlineData("""{ "lots": [] }""", "lots")]
    [InlineData("""{ "lots": [ { "id": "a" } ] }""", "lots[0].opening")]
    [InlineData("""{ "lots": [ { "id": "a b", "opening": 1 } ] }""", "lots[0].id")]
    [InlineData("""{ "lots": [ { "id": "a", "opening": 1 }, { "id": "a", "opening": 2 } ] }""", "lots")]
    [InlineData("""{ "lots": [ { "id": "a", "opening": 1, "duration": 1 } ] }""", "lots[0].duration")]
    [InlineData("""{ "goingOnce": 5, "goingTwice": 6, "lots": [ { "id": "a", "opening": 1 } ] }""", "goingTwice")]
    [InlineData("""{ "currency": "U$D", "lots": [ { "id": "a", "opening": 1 } ] }""", "currency")]
    [InlineData("""{ "lots": [ { "id": "a", "opening": 1, "reserve": -1 } ] }""", "lots[0].reserve")]
    [InlineData("""{ "lots": [ { "id": "a", "opening": 1, "antiSniping": { "grow": 3 } } ] }""", "lots[0].antiSniping")]
    public void A_bad_lots_file_names_the_field(string json, string field) =>
        Assert.Equal(field, Assert.Throws<LotsFileException>(() => Catalogue.Read(JsonNode.Parse(json))).Field);

    [Fact]
    public void A_lot_reads_title_artist_image_metadata_prices_and_rules()
    {
        var lot = Catalogue.Read(JsonNode.Parse("""
            { "currency": "eth", "duration": 40, "antiSniping": { "reset": 15 },
              "lots": [ { "id": "lot-1", "title": "Tidal", "artist": "M. Duarte", "image": "art/lot-1.png", "metadata": { "year": "2024" },
                          "opening": 1.5, "reserve": 2, "increment": 0.1, "suddenDeath": true } ] }
            """))!.Lots[0];
        Assert.Equal(("Tidal", "M. Duarte", "art/lot-1.png", "2024"), (lot.Title, lot.Artist, lot.Image, lot.Metadata["year"]));
        Assert.Equal((1.5m, 2m, "ETH", 0.1m, 40.0), (lot.Opening, lot.Reserve, lot.Currency, lot.Increment.After(100), lot.Duration));
        Assert.True(lot.SuddenDeath);
    }
}
