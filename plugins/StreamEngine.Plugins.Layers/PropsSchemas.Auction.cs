namespace StreamEngine.Plugins.Layers;

/// <summary>The auction layers' props (docs/layers.md, "Auction"): what a show behaviour such as the auctioneer patches.</summary>
internal static partial class PropsSchemas
{
    private const string Status = """
        "enum": ["open", "once", "twice", "sold", "passed", "withdrawn", "scheduled"]
        """;

    public const string PriceCard = $$"""
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Price card", "type": "object", "properties": {
          "lot": { "type": "string", "title": "Lot", "description": "a number or a label such as 12A" },
          "title": { "type": "string", "title": "Title" },
          "artist": { "type": "string", "title": "Artist" },
          "label": { "type": "string", "title": "Label", "default": "CURRENT BID" },
          "price": { "type": "number", "title": "Price", "minimum": -1e15, "maximum": 1e15, "default": 0 },
          "currency": { "type": "string", "title": "Currency", "description": "USD, EUR, GBP, JPY … get their symbol; ETH, BTC … are written after the amount", "default": "USD" },
          "leader": { "type": "string", "title": "Leading bidder" },
          "bids": { "type": "integer", "title": "Bids", "minimum": 0, "maximum": 1000000000, "default": 0 },
          "status": { "type": "string", "title": "Status", {{Status}}, "default": "open" },
          "accent": { "type": "string", "format": "color", "title": "Price color", "default": "#ffd166" } } }
        """;

    public const string Countdown = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Countdown", "type": "object", "properties": {
          "remaining": { "type": "number", "title": "Remaining (s)", "minimum": 0, "maximum": 86400, "default": 0 },
          "total": { "type": "number", "title": "Total (s)", "minimum": 0, "maximum": 86400, "default": 60 },
          "urgentBelow": { "type": "number", "title": "Urgent below (s)", "minimum": 0, "maximum": 86400, "default": 10 },
          "label": { "type": "string", "title": "Label", "default": "TIME LEFT" },
          "style": { "type": "string", "title": "Style", "description": "default: a ring in a square box, a bar otherwise", "enum": ["bar", "ring"] },
          "color": { "type": "string", "format": "color", "title": "Color", "default": "#ffd166" },
          "urgentColor": { "type": "string", "format": "color", "title": "Urgent color", "default": "#ff4d5e" } } }
        """;

    public const string Banner = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Banner", "type": "object", "properties": {
          "text": { "type": "string", "title": "Text", "description": "default: the style's words (GOING ONCE, GOING TWICE, SOLD!, PASSED)" },
          "subtext": { "type": "string", "title": "Second line" },
          "style": { "type": "string", "title": "Style", "enum": ["once", "twice", "sold", "passed", "info"], "default": "info" } } }
        """;

    public const string Confetti = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Confetti", "type": "object", "properties": {
          "progress": { "type": "number", "title": "Progress", "description": "0 to 1; tween it over about 2.5 s", "minimum": 0, "maximum": 1, "default": 0 },
          "seed": { "type": "integer", "title": "Seed", "minimum": 0, "maximum": 2147483647, "default": 1 },
          "count": { "type": "integer", "title": "Pieces", "minimum": 1, "maximum": 2000, "default": 180 },
          "colors": { "type": "array", "title": "Colors", "items": { "type": "string", "format": "color" } } } }
        """;
}
