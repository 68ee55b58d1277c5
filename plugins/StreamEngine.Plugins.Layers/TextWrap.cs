using SkiaSharp;

namespace StreamEngine.Plugins.Layers;

/// <summary>Breaks text into lines that fit a width, at spaces; explicit newlines are kept.</summary>
internal static class TextWrap
{
    public static IEnumerable<string> Lines(string text, SKFont font, float maxWidth)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && font.MeasureText(candidate) > maxWidth)
                {
                    yield return line;
                    line = word;
                }
                else line = candidate;
            }
            yield return line;
        }
    }
}
