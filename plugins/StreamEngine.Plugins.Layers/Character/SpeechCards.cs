namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// The rendered speech of one character, kept while it is shown or fading, so that the pop, the wipe and a talking
/// character's new sprite frames do not draw text and shadows again.
/// </summary>
internal sealed class SpeechCards : IDisposable
{
    private const int MaxCards = 4;
    private readonly Dictionary<(Speech, string?, CharacterLook, CharacterStage), SpeechCard> _cards = [];

    public SpeechCard Get(Speech speech, CharacterProps props, CharacterStage stage)
    {
        var key = (speech, props.Name, props.Look, stage);
        if (_cards.TryGetValue(key, out var card)) return card;
        return _cards[key] = SpeechBubble.Render(speech, props, stage);
    }

    /// <summary>Called before a render, never during one: past a few cards, old speech will not be asked for again.</summary>
    public void Trim()
    {
        if (_cards.Count > MaxCards) Dispose();
    }

    public void Dispose()
    {
        foreach (var card in _cards.Values) card.Dispose();
        _cards.Clear();
    }
}
