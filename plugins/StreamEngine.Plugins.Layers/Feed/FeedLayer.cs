using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SkiaSharp;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Plugins.Layers.Feed;

/// <summary>
/// <c>feed</c>: the artwork or NFT on sale — an image from a file or an http(s) URL, aspect ratio kept, on a matte card,
/// with a metadata panel. While the image loads the card shows a loading shimmer; when it cannot be loaded (missing,
/// not an image, too large, a decompression bomb, a timeout) it shows an "artwork unavailable" card and logs why.
/// Props: <c>src</c> (path or URL), <c>fit</c> (contain — letterboxed on the matte, the default; cover; fill),
/// <c>matte</c> (card color, default #0d111c), <c>radius</c> (card corner radius, default 12),
/// <c>metadata</c> {<c>title</c>, <c>artist</c>, <c>collection</c>, <c>price</c>} shown in a panel at the bottom of the card
/// (omit it, or set <c>showMetadata</c>: false, for the picture alone), <c>accent</c> (price color, default #f2c14e).
/// Remote images go through the shared cache: size and time limits, http/https only, fetched again after their TTL.
/// </summary>
public sealed class FeedLayer : ILayerType
{
    public string Name => "feed";

    public string? PropsSchema => PropsSchemas.Feed;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer(context);

    private sealed class Renderer(LayerContext layer) : IAnimatedLayerRenderer
    {
        private bool _loading;
        private string? _reportedError;
        // The artwork resampled once to the card (a cubic filter costs ~10 ms a draw at 720p): a new price or title
        // then redraws the panel over a copy, not the whole picture.
        private SKImage? _fitted;
        private (uint Image, string Fit, SKRect Card) _fittedFor;

        /// <summary>The shimmer moves ten times a second while the image loads; otherwise the card is still.</summary>
        public long ContentVersionAt(FrameTime time) => _loading ? time.Index * 10 / time.Fps : -1;

        public void Render(LayerDrawContext context)
        {
            var props = context.Props;
            var src = Props.String(props, "src") ?? throw new ArgumentException("props.src: expected the path or URL of the artwork");
            var fit = Props.String(props, "fit") ?? "contain";
            var card = SKRect.Create(context.Size.Width, context.Size.Height);
            var radius = (float)Props.Number(props, "radius", 12);
            var canvas = context.Canvas;
            using var clip = new SKRoundRect(card, radius);
            canvas.ClipRoundRect(clip, antialias: true);
            canvas.Clear(Props.Color(props, "matte", new SKColor(0x0d, 0x11, 0x1c)));

            var image = layer.Resources.Image(layer.ResolveAsset(src));
            _loading = image.Status == ResourceStatus.Loading;
            switch (image.Status)
            {
                case ResourceStatus.Ready:
                    canvas.DrawImage(Fitted(image.Value!, fit, card), 0, 0, SKSamplingOptions.Default);
                    break;
                case ResourceStatus.Loading:
                    FeedPlaceholder.DrawLoading(canvas, card, context.Time);
                    break;
                default:
                    Report(image.Error!);
                    FeedPlaceholder.DrawUnavailable(canvas, card);
                    break;
            }
            if (props["metadata"] is JsonObject metadata && props["showMetadata"]?.GetValue<bool>() != false)
                MetadataPanel.Draw(canvas, card, metadata, Props.Color(props, "accent", new SKColor(0xf2, 0xc1, 0x4e)));
        }

        private SKImage Fitted(SKImage image, string fit, SKRect card)
        {
            var key = (image.UniqueId, fit, card);
            if (_fitted is not null && _fittedFor == key) return _fitted;
            using var surface = SKSurface.Create(new SKImageInfo((int)card.Width, (int)card.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
            surface.Canvas.Clear(SKColors.Transparent);
            ImageFit.Draw(surface.Canvas, image, fit, card);
            _fitted?.Dispose();
            (_fitted, _fittedFor) = (surface.Snapshot(), key);
            return _fitted;
        }

        private void Report(string error)
        {
            if (error == _reportedError) return;
            _reportedError = error;
            layer.Logger.LogWarning("Feed layer {LayerId} shows 'artwork unavailable': {Error}", layer.LayerId, error);
        }

        public void Dispose() => _fitted?.Dispose();
    }
}
