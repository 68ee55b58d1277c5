namespace StreamEngine.Plugins.Layers;

/// <summary>
/// The props of the shipped layer types as JSON Schema (<see cref="Sdk.ILayerType.PropsSchema"/>): the dashboard builds
/// its property forms from them. They mirror docs/layers.md; the renderers stay lenient about values outside them.
/// </summary>
internal static partial class PropsSchemas
{
    private const string Font = """
        "font": { "type": "object", "title": "Font", "properties": {
          "family": { "type": "string", "title": "Family", "description": "sans, serif, mono or an installed family", "default": "sans" },
          "size": { "type": "number", "title": "Size (px)", "minimum": 1, "maximum": 1000, "default": 32 },
          "weight": { "type": "integer", "title": "Weight", "minimum": 100, "maximum": 900, "default": 400 },
          "style": { "type": "string", "title": "Style", "enum": ["normal", "italic"], "default": "normal" } } }
        """;

    private const string Fit = """
        "fit": { "type": "string", "title": "Fit", "enum": ["contain", "cover", "fill", "none"], "default": "contain" }
        """;

    public const string Text = $$"""
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Text", "type": "object", "properties": {
          "text": { "type": "string", "title": "Text", "description": "\\n starts a new line", "default": "" },
          "color": { "type": "string", "format": "color", "title": "Color", "default": "#ffffff" },
          {{Font}},
          "align": { "type": "string", "title": "Align", "enum": ["left", "center", "right", "start"], "default": "left" },
          "lineHeight": { "type": "number", "title": "Line height", "minimum": 0.5, "maximum": 5, "default": 1.2 },
          "letterSpacing": { "type": "number", "title": "Letter spacing (px)", "minimum": -50, "maximum": 200, "default": 0 },
          "maxLines": { "type": "integer", "title": "Max lines (0: no limit)", "minimum": 0, "maximum": 1000, "default": 0 },
          "shadow": { "type": "string", "format": "color", "title": "Shadow color" },
          "background": { "type": "string", "format": "color", "title": "Background plate", "description": "a rounded plate hugging the text" } } }
        """;

    public const string Background = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Background", "type": "object", "properties": {
          "color": { "type": "string", "format": "color", "title": "Color", "default": "#101820" },
          "gradient": { "type": "object", "title": "Gradient", "properties": {
            "type": { "type": "string", "title": "Type", "enum": ["linear", "radial"], "default": "linear" },
            "angle": { "type": "number", "title": "Angle (°)", "minimum": -360, "maximum": 360, "default": 0 },
            "colors": { "type": "array", "title": "Colors", "items": { "type": "string", "format": "color" } } } } } }
        """;

    public const string Shape = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Shape", "type": "object", "properties": {
          "shape": { "type": "string", "title": "Shape", "enum": ["rect", "circle", "ellipse", "polygon", "line", "path"], "default": "rect" },
          "fill": { "type": "string", "format": "color", "title": "Fill" },
          "stroke": { "type": "string", "format": "color", "title": "Stroke" },
          "strokeWidth": { "type": "number", "title": "Stroke width (px)", "minimum": 0, "maximum": 500, "default": 2 },
          "radius": { "type": "number", "title": "Corner radius (px)", "minimum": 0, "maximum": 10000, "default": 0 },
          "opacity": { "type": "number", "title": "Opacity", "minimum": 0, "maximum": 1, "default": 1 },
          "d": { "type": "string", "title": "SVG path data (path)" },
          "cap": { "type": "string", "title": "Line cap (line)", "enum": ["butt", "round", "square"], "default": "butt" } } }
        """;

    public const string Image = $$"""
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Image", "type": "object", "required": ["src"], "properties": {
          "src": { "type": "string", "title": "Source", "description": "a file relative to the scene file, or an http(s) URL" },
          {{Fit}} } }
        """;

    public const string Feed = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Feed", "type": "object", "required": ["src"], "properties": {
          "src": { "type": "string", "title": "Source", "description": "a file relative to the scene file, or an http(s) URL" },
          "fit": { "type": "string", "title": "Fit", "enum": ["contain", "cover", "fill"], "default": "contain" },
          "matte": { "type": "string", "format": "color", "title": "Matte", "default": "#0d111c" },
          "radius": { "type": "number", "title": "Corner radius (px)", "minimum": 0, "maximum": 500, "default": 12 },
          "showMetadata": { "type": "boolean", "title": "Show metadata", "default": true },
          "accent": { "type": "string", "format": "color", "title": "Price color", "default": "#f2c14e" },
          "metadata": { "type": "object", "title": "Metadata", "properties": {
            "title": { "type": "string", "title": "Title" }, "artist": { "type": "string", "title": "Artist" },
            "collection": { "type": "string", "title": "Collection" }, "price": { "type": "string", "title": "Price" } } } } }
        """;

    public const string Character = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Character", "type": "object", "properties": {
          "name": { "type": "string", "title": "Name" },
          "state": { "type": "string", "title": "State", "description": "idle, talking, reacting, celebrating or a state named in states", "default": "idle" },
          "speech": { "type": "string", "title": "Speech", "description": "what the character says (empty: silent)" },
          "speechStyle": { "type": "string", "title": "Speech style", "enum": ["bubble", "lowerThird"], "default": "bubble" },
          "side": { "type": "string", "title": "Side", "enum": ["left", "right"] },
          "bubbleColor": { "type": "string", "format": "color", "title": "Bubble color" },
          "textColor": { "type": "string", "format": "color", "title": "Text color" },
          "accentColor": { "type": "string", "format": "color", "title": "Accent color" } } }
        """;

    public const string Chat = $$"""
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Chat", "type": "object", "properties": {
          "maxVisible": { "type": "integer", "title": "Cards shown", "minimum": 1, "maximum": 100, "default": 10 },
          "maxLines": { "type": "integer", "title": "Lines per message", "minimum": 1, "maximum": 20, "default": 3 },
          "color": { "type": "string", "format": "color", "title": "Text color", "default": "#f2f2f2" },
          "card": { "type": "string", "format": "color", "title": "Card color" },
          "enter": { "type": "number", "title": "Enter (s)", "minimum": 0, "maximum": 10, "default": 0.3 },
          {{Font}} } }
        """;

    public const string Animation = $$"""
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Animation", "type": "object", "properties": {
          "src": { "type": "string", "title": "Source", "description": "a GIF or animated WebP" },
          "folder": { "type": "string", "title": "Folder of frames" },
          "fps": { "type": "number", "title": "Frames per second", "minimum": 0.1, "maximum": 240 },
          "playback": { "type": "string", "title": "Playback", "enum": ["loop", "once", "pingpong"], "default": "loop" },
          {{Fit}} } }
        """;
}
