using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// <c>image</c>: a PNG, JPEG, WebP or GIF (first frame) file shown in the layer's box.
/// Props: <c>src</c> (path, relative to the scene file), <c>fit</c> (contain, cover, fill, none; default contain).
/// The image is resampled once, with a high-quality filter, to the size it is shown at.
/// </summary>
public sealed class ImageLayer : ILayerType
{
    public string Name => "image";

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer(context);

    private sealed class Renderer(LayerContext layer) : ILayerRenderer
    {
        private string? _loadedPath;
        private SKImage? _image;

        public void Render(LayerDrawContext context)
        {
            var src = Props.String(context.Props, "src") ?? throw new ArgumentException("props.src: expected the path of an image file");
            var image = Load(layer.ResolveAsset(src));
            var fit = Props.String(context.Props, "fit") ?? "contain";
            var box = SKRect.Create(context.Size.Width, context.Size.Height);
            var dest = ImageFit.Place(fit, new SKSize(image.Width, image.Height), box);
            context.Canvas.ClipRect(box);
            context.Canvas.DrawImage(image, dest, new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        private SKImage Load(string path)
        {
            if (_image is not null && _loadedPath == path) return _image;
            if (!File.Exists(path)) throw new FileNotFoundException($"props.src: image file '{path}' does not exist");
            var image = SKImage.FromEncodedData(path) ?? throw new InvalidDataException($"props.src: '{path}' is not an image Skia can decode");
            _image?.Dispose();
            (_image, _loadedPath) = (image, path);
            return image;
        }

        public void Dispose() => _image?.Dispose();
    }
}
