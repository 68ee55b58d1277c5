namespace StreamEngine.Plugins.Chat.Simulated;

/// <summary>What the audience says, per language: greetings and remarks, questions, cheers. Emoji and spam are shared.</summary>
internal static class Phrases
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "de", "fr", "pt", "ja", "hi", "ar"];

    private static readonly Dictionary<string, (string[] Chat, string[] Questions, string[] Cheers)> ByLanguage = new()
    {
        ["en"] = (["gm everyone", "love the colors on this one", "the stream looks great tonight", "first time here 👋", "this artist is underrated"],
            ["is shipping included?", "what's the reserve", "who is the artist?", "does it come with a certificate?", "how big is the print"],
            ["let's go!", "what a piece", "incredible"]),
        ["es"] = (["hola a todos", "me encantan los colores", "saludos desde Madrid"],
            ["¿el envío está incluido?", "¿cuál es el precio de reserva?"], ["¡vamos!", "qué obra"]),
        ["de"] = (["Hallo aus Berlin", "tolle Farben", "super Stream heute"],
            ["ist der Versand inklusive?", "wer ist der Künstler?"], ["los geht's!", "wunderschön"]),
        ["fr"] = (["bonsoir à tous", "magnifique travail", "salut de Lyon"],
            ["la livraison est comprise ?", "quel est le prix de réserve ?"], ["allez !", "superbe"]),
        ["pt"] = (["boa noite pessoal", "que cores lindas", "olá de Lisboa"],
            ["o envio está incluído?", "qual é a reserva?"], ["vamos!", "que obra"]),
        ["ja"] = (["こんばんは", "色がきれい", "配信ありがとう"], ["送料は含まれていますか？", "作家は誰ですか？"], ["すごい！", "最高"]),
        ["hi"] = (["सभी को नमस्ते", "शानदार कलाकृति!"], ["क्या शिपिंग शामिल है?"], ["वाह!"]),
        ["ar"] = (["مساء الخير", "ألوان رائعة ✨"], ["هل الشحن مشمول؟"], ["رائع!"]),
    };

    public static readonly IReadOnlyList<string> Emoji = ["🔥", "😍", "👏", "🚀", "💎", "🔥🔥🔥", "👀", "❤️", "😂", "🙌"];

    public static readonly IReadOnlyList<string> Spam =
        ["FREE ETH giveaway, DM me now", "BUY BUY BUY BUY", "follow me for free art drops", "check my profile for cheap NFTs 💰💰💰"];

    public static readonly IReadOnlyList<string> Flood = ["🔥", "LETS GOOO", "🚀🚀", "W", "hype", "👏👏👏"];

    public static string Chat(string language, ref SplitMix random) => random.Pick(Table(language).Chat);

    public static string Question(string language, ref SplitMix random) => random.Pick(Table(language).Questions);

    public static string Cheer(string language, ref SplitMix random) => random.Pick(Table(language).Cheers);

    private static (string[] Chat, string[] Questions, string[] Cheers) Table(string language) =>
        ByLanguage.TryGetValue(language, out var table) ? table : ByLanguage["en"];
}

/// <summary>The audience when the settings name no personas: bidders, askers, fans, chatters and a spammer in several languages.</summary>
internal static class Cast
{
    public static readonly IReadOnlyList<Persona> Default =
    [
        new("collector_77", "en", "bidder", "#fbbf24", ["verified"]),
        new("mara.eth", "pt", "bidder", "#7dd3fc", []),
        new("kenji", "ja", "bidder", "#f9a8d4", []),
        new("noor", "ar", "asker", "#c4b5fd", []),
        new("lucas.art", "fr", "asker", "#fca5a5", []),
        new("anna_b", "de", "fan", "#86efac", ["subscriber"]),
        new("dev_sam", "en", "chatter", "#93c5fd", []),
        new("priya", "hi", "chatter", "#fdba74", []),
        new("sofia", "es", "fan", "#f0abfc", ["subscriber"]),
        new("gallery_mod", "en", "chatter", "#34d399", ["moderator"]),
        new("free_eth_bot", "en", "spammer", "#9ca3af", []),
    ];
}
