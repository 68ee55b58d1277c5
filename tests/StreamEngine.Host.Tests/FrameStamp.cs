using System.Globalization;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The frame index drawn into every frame as a row of squares, one bit each (white: 1), so a recording says which
/// frames reached the encoder: a frame the engine dropped is a number missing from the file. Each square's opacity is a
/// step keyframe animation of show time (frame / fps), with its edges half a frame off the frame times, so rounding
/// never flips a bit.
/// </summary>
internal static class FrameStamp
{
    private const int Bits = 13, Square = 16, Top = 0;

    /// <summary>Adds the squares (above every other layer, in the top-left corner) and their animations to a scene file.</summary>
    public static void Add(string sceneFile)
    {
        var scene = JsonNode.Parse(File.ReadAllText(sceneFile))!.AsObject();
        var fps = scene["fps"]?.GetValue<int>() ?? 30;
        var layers = scene["layers"]!.AsArray();
        var animations = scene["animations"] as JsonArray ?? [];
        layers.Add(JsonNode.Parse($$"""{ "id": "stamp-plate", "type": "shape", "zIndex": 900, "transform": { "x": 0, "y": {{Top}}, "width": {{Bits * Square}}, "height": {{Square}} }, "props": { "fill": "#000000" } }"""));
        for (var bit = 0; bit < Bits; bit++)
        {
            var period = (1 << (bit + 1)) / (double)fps;
            var half = 0.5 / fps;
            layers.Add(JsonNode.Parse($$"""{ "id": "stamp-{{bit}}", "type": "shape", "zIndex": 901, "transform": { "x": {{bit * Square}}, "y": {{Top}}, "width": {{Square}}, "height": {{Square}}, "opacity": 0 }, "props": { "fill": "#ffffff" } }"""));
            animations.Add(JsonNode.Parse(string.Create(CultureInfo.InvariantCulture, $$"""
                { "id": "stamp-{{bit}}", "kind": "keyframes", "start": 0, "repeat": -1, "target": "stamp-{{bit}}", "property": "opacity", "keyframes": [
                  { "at": 0, "value": 0, "easing": "step-end" }, { "at": {{period / 2 - half:R}}, "value": 1, "easing": "step-end" },
                  { "at": {{period - half:R}}, "value": 0, "easing": "step-end" }, { "at": {{period:R}}, "value": 0 } ] }
                """)));
        }
        scene["animations"] = animations;
        File.WriteAllText(sceneFile, scene.ToJsonString());
    }

    /// <summary>The frame index read from each frame of a recording, in the file's order.</summary>
    public static async Task<IReadOnlyList<int>> ReadAsync(string recording)
    {
        var width = Bits * Square;
        var raw = await Media.RunAsync("ffmpeg", TimeSpan.FromMinutes(2), "-v", "error", "-i", recording,
            "-vf", $"crop={width}:{Square}:0:{Top},format=gray", "-f", "rawvideo", "-");
        var frameBytes = width * Square;
        var indexes = new List<int>();
        for (var offset = 0; offset + frameBytes <= raw.Length; offset += frameBytes)
        {
            var index = 0;
            for (var bit = 0; bit < Bits; bit++)
                if (raw[offset + Square / 2 * width + bit * Square + Square / 2] > 128) index |= 1 << bit;
            indexes.Add(index);
        }
        return indexes;
    }
}
