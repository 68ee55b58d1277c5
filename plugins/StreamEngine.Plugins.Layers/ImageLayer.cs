using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// <c>image</c>: a PNG, JPEG, WebP or GIF (first frame) file or http(s) URL shown in the layer's box.
/// Props: <c>src</c> (path relative to the scene file, or URL), <c>fit</c> (contain, cover, fill, none; default contain).
/// Loaded through the shared resource cache; the layer stays empty while it loads.
/// </summary>
public sealed class ImageLayer : ILayerType
{
    public string Name => "image";

    public string? PropsSchema => PropsSchemas.Image;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer(context);

    private sealed class Renderer(LayerContext layer) : ILayerRenderer
    {
        public void Render(LayerDrawContext context)
        {
            var src = Props.String(context.Props, "src") ?? throw new ArgumentException("props.src: expected the path or URL of an image");
            if (layer.Resources.Image(layer.ResolveAsset(src)).ValueOrThrow() is not { } image) return;
            var fit = Props.String(context.Props, "fit") ?? "contain";
            var box = SKRect.Create(context.Size.Width, context.Size.Height);
            ImageFit.Draw(context.Canvas, image, fit, box);
        }

        public void Dispose() { }
    }
}
