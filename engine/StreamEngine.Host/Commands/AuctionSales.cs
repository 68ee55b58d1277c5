using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace StreamEngine.Host.Commands;

/// <summary>
/// The auctioneer's sales log, read from its records in the state store by behaviour id (the host never references
/// the plugin): per lot its outcome and every bid with its fate — <c>won</c>, <c>outbid</c>, <c>leading</c>,
/// <c>unsold</c>, <c>max</c> (a proxy bid's maximum) or the refusal's reason. The record shapes are in docs/auction.md.
/// </summary>
internal static class AuctionSales
{
    public static JsonObject Fold(string sale, IEnumerable<JsonObject> records)
    {
        var lots = new List<JsonObject>();
        JsonObject Lot(string id)
        {
            var lot = lots.FirstOrDefault(l => l["lot"]!.GetValue<string>() == id);
            if (lot is null) lots.Add(lot = new JsonObject { ["lot"] = id, ["status"] = "open", ["bids"] = new JsonArray() });
            return lot;
        }
        var seen = new HashSet<long>();
        foreach (var r in records.Where(r => r["n"] is not null).OrderBy(r => r["n"]!.GetValue<long>()))
        {
            if (!seen.Add(r["n"]!.GetValue<long>()) || r["lot"]?.GetValue<string>() is not { } id) continue; // written twice: counted once
            var lot = Lot(id);
            switch (r["type"]?.GetValue<string>())
            {
                case "opened":
                    (lot["title"], lot["currency"], lot["opening"], lot["openedAt"]) = (r["title"]?.DeepClone(), r["currency"]?.DeepClone(), r["amount"]?.DeepClone(), r["at"]?.DeepClone());
                    break;
                case "bid" or "rejected" or "max":
                    var type = r["type"]!.GetValue<string>();
                    lot["bids"]!.AsArray().Add(new JsonObject
                    {
                        ["n"] = r["n"]!.DeepClone(), ["at"] = r["at"]?.DeepClone(), ["author"] = r["author"]?.DeepClone(), ["amount"] = r["amount"]?.DeepClone(),
                        ["proxy"] = r["proxy"]?.GetValue<bool>() ?? false,
                        ["fate"] = type == "bid" ? "accepted" : type == "max" ? "max" : r["reason"]?.DeepClone(), ["detail"] = r["detail"]?.DeepClone(),
                        ["chat"] = r["chat"]?.DeepClone(),
                    });
                    break;
                case "sold":
                    (lot["status"], lot["winner"], lot["price"], lot["closedAt"]) = ("sold", r["author"]?.DeepClone(), r["amount"]?.DeepClone(), r["at"]?.DeepClone());
                    break;
                case "passed" or "withdrawn":
                    (lot["status"], lot["reason"], lot["closedAt"]) = (r["type"]!.GetValue<string>(), r["reason"]?.DeepClone(), r["at"]?.DeepClone());
                    break;
            }
        }
        foreach (var lot in lots) Settle(lot);
        return new JsonObject { ["sale"] = sale, ["lots"] = new JsonArray([.. lots]) };
    }

    /// <summary>Only the last accepted bid can have won; every earlier one was outbid.</summary>
    private static void Settle(JsonObject lot)
    {
        var accepted = lot["bids"]!.AsArray().OfType<JsonObject>().Where(b => b["fate"]?.GetValue<string>() == "accepted").ToList();
        var status = lot["status"]!.GetValue<string>();
        foreach (var bid in accepted) bid["fate"] = "outbid";
        if (accepted.Count > 0) accepted[^1]["fate"] = status switch { "sold" => "won", "open" => "leading", _ => "unsold" };
    }

    public static string Csv(JsonObject log)
    {
        var csv = new StringBuilder("sale,lot,title,status,winner,price,currency,bid,at,author,amount,proxy,fate,detail,chat\n");
        foreach (var lot in log["lots"]!.AsArray().OfType<JsonObject>())
        {
            var head = string.Join(',', new[] { log["sale"], lot["lot"], lot["title"], lot["status"], lot["winner"], lot["price"], lot["currency"] }.Select(Cell));
            var bids = lot["bids"]!.AsArray().OfType<JsonObject>().ToList();
            if (bids.Count == 0) csv.Append(head).Append(",,,,,,,,\n");
            foreach (var b in bids)
                csv.Append(head).Append(',').AppendJoin(',', new[] { b["n"], b["at"], b["author"], b["amount"], b["proxy"], b["fate"], b["detail"], b["chat"] }.Select(Cell)).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>A CSV cell: quoted when needed; a text that a spreadsheet would run as a formula is prefixed with a quote.</summary>
    private static string Cell(JsonNode? node)
    {
        var text = node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToJsonString(),
        };
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
