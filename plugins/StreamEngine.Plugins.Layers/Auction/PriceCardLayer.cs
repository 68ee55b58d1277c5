using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Auction;

/// <summary>
/// <c>priceCard</c>: the lot on sale and its current bid, as an auction broadcast shows it — lot number and a status chip,
/// title and artist, the label ("CURRENT BID") over the price in large type, the leader and the number of bids. Props:
/// <c>lot</c>, <c>title</c>, <c>artist</c>, <c>label</c>, <c>price</c> (number), <c>currency</c> (USD, EUR, GBP, ETH …),
/// <c>leader</c>, <c>bids</c>, <c>status</c> (open, once, twice, sold, passed, withdrawn, scheduled), <c>accent</c>.
/// The card lays itself out for any price: a longer price or title is set smaller, never cut.
/// </summary>
public sealed class PriceCardLayer : ILayerType
{
    public PriceCardLayer() => _ = FontLibrary.All;

    public string Name => "priceCard";

    public string? PropsSchema => PropsSchemas.PriceCard;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer();

    private sealed class Renderer : ILayerRenderer
    {
        public void Render(LayerDrawContext context) =>
            PriceCard.Draw(context.Canvas, SKRect.Create(context.Size.Width, context.Size.Height), Read(context.Props));

        public void Dispose() { }
    }

    internal static PriceCard.Content Read(JsonObject props)
    {
        var price = Props.Number(props, "price", 0);
        if (!double.IsFinite(price) || Math.Abs(price) > 1e15) throw Props.Bad("price", "a number up to 10^15", props["price"]);
        var bids = Props.Number(props, "bids", 0);
        if (!double.IsFinite(bids) || bids < 0 || bids > 1e9) throw Props.Bad("bids", "a count from 0", props["bids"]);
        return new PriceCard.Content(
            Lot: Lot(props),
            Title: Props.String(props, "title") ?? "",
            Artist: Props.String(props, "artist") ?? "",
            Label: Props.String(props, "label") ?? "CURRENT BID",
            Price: Money.Format(price, Props.String(props, "currency")),
            Leader: Props.String(props, "leader") ?? "",
            Bids: (long)bids,
            Status: LotStatus.Parse(Props.String(props, "status"), "open", "status"),
            Accent: Props.Color(props, "accent", new SKColor(0xff, 0xd1, 0x66)));
    }

    /// <summary>The lot as a scene writes it: a number (12) or a label ("12A").</summary>
    private static string Lot(JsonObject props) => props["lot"] switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>().ToString("0.##", CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw Props.Bad("lot", "a number or a string", other),
    };
}
