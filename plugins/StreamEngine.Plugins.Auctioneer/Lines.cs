using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// The host's line templates: several variants per moment, with <c>{name}</c> variables (author, price, next, title,
/// artist, number, opening, leader, winner, left, reason, seconds). A lots file's <c>lines</c>, or a script's
/// <c>call("auctioneer", "lines", {…})</c>, replaces the variants of the moments it names.
/// </summary>
internal static class Lines
{
    public static readonly IReadOnlyDictionary<string, string[]> Default = new Dictionary<string, string[]>
    {
        ["lotOpened"] =
        [
            "Lot {number}: \"{title}\" by {artist}. We open at {opening} — who starts us off?",
            "Next on the block, {artist}'s \"{title}\". Bidding opens at {opening}.",
            "Here is lot {number}, \"{title}\" by {artist}. {opening} to start — bids in the chat!",
        ],
        ["bidAccepted"] =
        [
            "{author} bids {price}! Do I hear {next}?",
            "{price} from {author}. {next}, anyone?",
            "Thank you {author} — {price}. Looking for {next}.",
            "{author} is in at {price}. Who'll give me {next}?",
            "{price}, {author}! The next bid is {next}.",
        ],
        ["proxyBid"] =
        [
            "{author} holds it at {price} with a max bid. {next} to beat it.",
            "A max bid answers: {author} leads at {price}. Do I hear {next}?",
        ],
        ["tooLow"] = ["{author}, the next bid is at least {next}.", "Close, {author} — we need {next} or more."],
        ["goingOnce"] = ["Going once at {price} to {leader}…", "{price} with {leader}. Going once…", "Fair warning — going once at {price}."],
        ["goingOnceNoBid"] = ["No bids yet at {opening}… going once.", "{opening} for \"{title}\" — anyone? Going once…"],
        // The banner shows the price: the call names the same price, and only asks for the next one as a question.
        ["goingTwice"] = ["Going twice at {price}! Do I hear {next}?", "Going twice at {price}… any more?", "{price} with {leader} — going twice! Last call for {next}."],
        ["goingTwiceNoBid"] = ["Going twice at {opening}, still no bid…"],
        ["sold"] =
        [
            "SOLD to {winner} for {price}! Congratulations!",
            "And sold! {winner} takes \"{title}\" for {price}.",
            "Hammer down — {price}, {winner}. A beautiful piece!",
        ],
        ["passed"] = ["\"{title}\" passes — {reason}.", "No sale on lot {number}: {reason}. On we go!"],
        ["withdrawn"] = ["Lot {number} has been withdrawn from the sale."],
        ["extended"] = ["We've added {seconds} seconds to the clock!", "More time: {seconds} extra seconds on \"{title}\"."],
        ["paused"] = ["A short pause — bidding resumes in a moment."],
        ["resumed"] = ["And we're back! {price} is the bid, {next} to beat it."],
        ["silence"] =
        [
            "It's {price} to {leader}. Do I hear {next}?",
            "Quiet out there… \"{title}\" at just {price}!",
            "{left} seconds on the clock — {next} takes the lead.",
            "Don't let it go for {price}! {next}, anyone?",
        ],
        ["silenceNoBid"] = ["We're at {opening} for \"{title}\". Who'll start?", "{opening} opens it — type a bid in the chat!"],
        ["happy"] = ["Love the energy in the chat tonight!", "You're on fire — keep those bids coming!", "What a crowd! Thank you all."],
        ["unhappy"] = ["I hear you — let's keep it friendly. Plenty more to come.", "Hang in there, there are more beautiful pieces tonight."],
        ["unknownQuestion"] = ["@{author}, good question — the team will answer it in the chat.", "@{author}, let me check that for you."],
        ["reserve"] = ["@{author}, the reserve {reserveState}."],
        ["nextBid"] = ["@{author}, the next bid is {next}."],
        ["leader"] = ["@{author}, {leader} leads at {price}."],
        ["timeLeft"] = ["@{author}, {left} seconds left on this lot."],
        ["artist"] = ["@{author}, \"{title}\" is by {artist}."],
        ["metadata"] = ["@{author}, the {key} of \"{title}\": {value}."],
        ["faq"] = ["@{author}, {answer}"],
        ["welcome"] = ["Welcome to the sale! Bid in the chat: type an amount like {opening}, +5 to raise, or max 300 for a max bid."],
    };

    /// <summary>The defaults with the given moments replaced; a bad entry throws naming it.</summary>
    public static Dictionary<string, string[]> With(Dictionary<string, string[]> lines, JsonObject? overrides)
    {
        var merged = new Dictionary<string, string[]>(lines);
        foreach (var (key, value) in overrides ?? [])
        {
            if (!Default.ContainsKey(key)) throw new Domain.LotsFileException("lines." + key, $"unknown moment; expected one of {string.Join(", ", Default.Keys.Order())}");
            string[] variants = value switch
            {
                JsonValue v when v.TryGetValue<string>(out var one) => [one],
                JsonArray a when a.Count is > 0 and <= 50 && a.All(x => x is JsonValue y && y.TryGetValue<string>(out var s) && s.Length <= 300) => [.. a.Select(x => x!.GetValue<string>())],
                _ => throw new Domain.LotsFileException("lines." + key, "expected a line or a list of 1 to 50 lines of at most 300 characters"),
            };
            merged[key] = variants;
        }
        return merged;
    }
}
