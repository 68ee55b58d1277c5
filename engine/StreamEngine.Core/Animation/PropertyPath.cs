using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Animation;

/// <summary>
/// An animatable property of a layer, by path: transform fields (<c>x</c>, <c>transform.x</c>, <c>y</c>, <c>width</c>,
/// <c>height</c>, <c>scaleX</c>, <c>scaleY</c>, <c>scale</c> (both), <c>rotation</c>, <c>opacity</c>, <c>anchor.x</c>,
/// <c>anchor.y</c>), <c>visible</c>, <c>zIndex</c>, or anything under <c>props.</c> (<c>props.color</c>, <c>props.font.size</c>).
/// </summary>
public sealed class PropertyPath
{
    private static readonly Dictionary<string, (Func<LayerTransform, double> Get, Action<LayerTransform, double> Set)> Transform = new()
    {
        ["x"] = (t => t.X, (t, v) => t.X = v),
        ["y"] = (t => t.Y, (t, v) => t.Y = v),
        ["width"] = (t => t.Width, (t, v) => t.Width = v),
        ["height"] = (t => t.Height, (t, v) => t.Height = v),
        ["scaleX"] = (t => t.ScaleX, (t, v) => t.ScaleX = v),
        ["scaleY"] = (t => t.ScaleY, (t, v) => t.ScaleY = v),
        ["scale"] = (t => t.ScaleX, (t, v) => (t.ScaleX, t.ScaleY) = (v, v)),
        ["rotation"] = (t => t.Rotation, (t, v) => t.Rotation = v),
        ["opacity"] = (t => t.Opacity, (t, v) => t.Opacity = Math.Clamp(v, 0, 1)),
        ["anchor.x"] = (t => t.Anchor.X, (t, v) => t.Anchor.X = v),
        ["anchor.y"] = (t => t.Anchor.Y, (t, v) => t.Anchor.Y = v),
    };

    private readonly string _transformField = "";
    private readonly string[] _propsPath = [];

    private PropertyPath(string text, PropertyKind kind)
    {
        Text = text;
        Kind = kind;
    }

    private PropertyPath(string text, string transformField) : this(text, PropertyKind.Transform) => _transformField = transformField;

    private PropertyPath(string text, string[] propsPath) : this(text, PropertyKind.Props) => _propsPath = propsPath;

    public string Text { get; }

    public PropertyKind Kind { get; }

    /// <summary>Canonical names of what it writes (<c>x</c> and <c>transform.x</c> are one property; <c>scale</c> is two).</summary>
    public IReadOnlyList<string> Keys => Kind switch
    {
        PropertyKind.Transform when _transformField == "scale" => ["transform.scaleX", "transform.scaleY"],
        PropertyKind.Transform => ["transform." + _transformField],
        _ => [Text],
    };

    /// <summary>Whether changing it means the layer's content must be rendered again (props, size), not just moved.</summary>
    public bool AffectsContent => Kind == PropertyKind.Props || _transformField is "width" or "height";

    public static PropertyPath Parse(string text)
    {
        var field = text.StartsWith("transform.", StringComparison.Ordinal) ? text["transform.".Length..] : text;
        if (Transform.ContainsKey(field)) return new PropertyPath(text, field);
        if (text == "visible") return new PropertyPath(text, PropertyKind.Visible);
        if (text == "zIndex") return new PropertyPath(text, PropertyKind.ZIndex);
        if (text.StartsWith("props.", StringComparison.Ordinal) && text.Length > "props.".Length)
            return new PropertyPath(text, text["props.".Length..].Split('.'));
        throw new FormatException($"property '{text}': expected x, y, width, height, scaleX, scaleY, scale, rotation, opacity, anchor.x, anchor.y (optionally with transform.), visible, zIndex, or props.NAME");
    }

    public AnimValue Get(LayerState layer) => Kind switch
    {
        PropertyKind.Transform => AnimValue.Number(Transform[_transformField].Get(layer.Transform)),
        PropertyKind.Visible => AnimValue.FromJson(layer.Visible),
        PropertyKind.ZIndex => AnimValue.Number(layer.ZIndex),
        _ => AnimValue.FromJson(PropsNode(layer.Props)),
    };

    public void Set(LayerState layer, AnimValue value)
    {
        switch (Kind)
        {
            case PropertyKind.Transform when value.Kind == AnimValueKind.Number:
                Transform[_transformField].Set(layer.Transform, value.X);
                break;
            case PropertyKind.Visible:
                layer.Visible = value.Other?.GetValue<bool>() ?? layer.Visible;
                break;
            case PropertyKind.ZIndex when value.Kind == AnimValueKind.Number:
                layer.ZIndex = (int)Math.Round(value.X);
                break;
            case PropertyKind.Props:
                SetProps(layer.Props, value.ToJson());
                break;
            default:
                throw new FormatException($"property '{Text}' takes a number, got {value}");
        }
    }

    private JsonNode? PropsNode(JsonObject props)
    {
        JsonNode? node = props;
        foreach (var part in _propsPath) node = (node as JsonObject)?[part];
        return node;
    }

    private void SetProps(JsonObject props, JsonNode? value)
    {
        var parent = props;
        foreach (var part in _propsPath[..^1])
        {
            if (parent[part] is not JsonObject child) parent[part] = child = [];
            parent = child;
        }
        parent[_propsPath[^1]] = value;
    }
}

public enum PropertyKind { Transform, Visible, ZIndex, Props }
