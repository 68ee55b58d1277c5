// An auction overlay to copy and change: the top bid on screen, a price tag that pops on every higher bid,
// and the host says "Sold!" when nobody has bid for a while. The same show as example.js, in C#. Run it live:
//   ./stream-engine run --scene samples/hello/scene.json --script scripts/example.csx
// bid from another terminal:
//   curl -X POST localhost:4200/api/chat -H 'content-type: application/json' -d '{"author":"ana","text":"bid 3 ETH"}'
// then edit this file and save it: the show picks the change up at the next frame, keeping State.
// The globals (Create, Update, OnBid, State …) are the members of StreamEngine.Sdk.Scripting.IShowApi.

const double SoldAfterSeconds = 15;

// State is kept when this file is saved again and when the engine restarts.
State["bids"] ??= 0;

Create("""
    { "id": "top-bid", "type": "overlay.text", "zIndex": 80,
      "transform": { "x": 40, "y": 24, "width": 760, "height": 56 },
      "props": { "text": "", "color": "#ffffff", "shadow": "#00000080", "font": { "family": "sans", "size": 40, "weight": 700 } } }
    """);
Create("""
    { "id": "price-tag", "type": "shape", "zIndex": 81,
      "transform": { "x": 1120, "y": 64, "width": 240, "height": 84, "anchor": { "x": 0.5, "y": 0.5 }, "scaleX": 0, "scaleY": 0 },
      "props": { "shape": "rect", "radius": 20, "fill": "#2ec4b6", "stroke": "#ffffff", "strokeWidth": 3 } }
    """);
Create("""
    { "id": "price-tag-text", "type": "overlay.text", "zIndex": 82,
      "transform": { "x": 1120, "y": 64, "width": 240, "height": 52, "anchor": { "x": 0.5, "y": 0.5 }, "scaleX": 0, "scaleY": 0 },
      "props": { "text": "", "align": "center", "color": "#0b2027", "font": { "family": "sans", "size": 40, "weight": 800 } } }
    """);
SetText("top-bid", TopBidText());

string TopBidText() => State["top"] is JsonObject top
    ? $"Top bid {top["amount"]} {top["currency"]} · {top["author"]}"
    : "Bidding is open";

void SetText(string id, string text) =>
    Update(id, new JsonObject { ["props"] = new JsonObject { ["text"] = text } });

int? sold = null; // the timer that ends the lot

OnBid(bid =>
{
    var top = State["top"]?["amount"]?.GetValue<double>();
    if (bid.Amount is not { } exact || (double)exact <= top)
    {
        Log.Info($"{bid.Message.Author}'s bid \"{bid.Message.Text}\" is not above the top bid");
        return;
    }
    var amount = (double)exact;
    State["top"] = new JsonObject { ["amount"] = amount, ["currency"] = bid.Currency, ["author"] = bid.Message.Author };
    State["bids"] = State["bids"]!.GetValue<int>() + 1;
    SetText("top-bid", TopBidText());
    if (Layer("bid") is not null) SetText("bid", $"Current bid  {amount} {bid.Currency}"); // the hello scene's lower third
    SetText("price-tag-text", $"{amount} {bid.Currency}");
    foreach (var id in new[] { "price-tag", "price-tag-text" })
        Animate(id, """{ "kind": "keyframes", "property": "scale", "keyframes": [{ "at": 0, "value": 0.2 }, { "at": 0.2, "value": 1.15 }, { "at": 0.35, "value": 1 }] }""");
    Emit("bid"); // scene triggers on "event:bid" run too

    if (sold is { } timer) Cancel(timer);
    sold = After(SoldAfterSeconds, () =>
    {
        var line = $"Sold to {State["top"]!["author"]} for {State["top"]!["amount"]} {State["top"]!["currency"]}!";
        if (Layers().Any(l => l["type"]?.GetValue<string>() == "host")) Say(line);
        SetText("top-bid", line);
        Emit("sold");
    });
});

OnQuestion(message => Log.Info($"question from {message.Author}: {message.Text}"));
