using SkiaSharp;
using StreamEngine.Plugins.Layers.Character;
using StreamEngine.Plugins.Layers.Text;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>
/// A bubble lays itself out for its text: the demo's assistant (a 260x220 box, a 200x280 sprite, the bubble over its
/// head) answers a question in full — more lines, a smaller type if need be — where the area over the head held one
/// line and cut every answer to "@dev_sam, every lot…". The bubble never comes down to the figure's eyes.
/// </summary>
public sealed class SpeechBubbleFitTests
{
    [Theory]
    [InlineData("@dev_sam, every lot ships framed and insured within 5 working days, worldwide.")]
    [InlineData("@collector_77, winners pay by card or bank transfer within 48 hours; you get a link in your DMs.")]
    [InlineData("Love the energy in the chat tonight!")]
    public void An_answer_over_the_assistants_head_is_laid_out_in_full_above_its_eyes(string text)
    {
        var stage = CharacterStage.Place(SKRect.Create(0, 0, 260, 220), new SKSize(200, 280), onLeft: true);
        var (area, beside) = stage.BubbleArea();
        var style = new TextStyle(FontLibrary.Find("sans", 600, false), stage.FontSize, SKColors.Black);

        var (block, size) = SpeechBubble.Fit(text, style, area, beside, stage);

        var whole = TextBlock.Layout(text, style with { Size = size, MaxLines = 0 }, area.Width - 2 * size * 0.7f - (beside ? size * 1.1f : 0));
        Assert.Equal(whole.LineCount, block.LineCount); // nothing cut
        Assert.True(size >= stage.FontSize * 0.69f, $"type at {size} px of {stage.FontSize}");
        var bottom = area.Top + block.Height + 2 * size * 0.7f + (beside ? 0 : size * 1.1f);
        Assert.True(bottom <= stage.Figure.Top + stage.Figure.Height * 0.4f + 1, $"the bubble comes down to {bottom}, the figure is {stage.Figure}");
    }
}
