using SkiaSharp;
using StreamEngine.Plugins.Layers.Chat;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// <c>chat</c>: the show's chat as a column of message cards, newest at the bottom. Each card shows the author's badges
/// (MOD, SUB, VIP, HOST, ✓ …) and name in their color, and the text. A new message fades and slides in while the
/// older ones move up; the oldest fade out at the top. Highlighted messages stand out with an accent color: bids (gold,
/// with the amount in a large tag), mentions (blue, <c>@</c> tag), questions (violet, <c>Q&amp;A</c> tag), moderators (green).
/// Everything follows the frame time, so offline renders are identical, and an idle chat costs nothing per frame.
/// Props: <c>column</c> ({<c>side</c>: right or left, <c>width</c>: fraction of the box, default 0.25}, or "fill";
/// by default a box wider than 3:2, such as a full-frame layer, gets a right-hand column of 25% and a narrower box is
/// filled); <c>maxVisible</c> (cards shown at most, default 10); <c>maxLines</c> (lines of text per message before an
/// ellipsis, default 3); <c>font</c> {<c>family</c>, <c>file</c>, <c>size</c> (default: the box height / 40, 12 to 40)};
/// <c>color</c> (text color); <c>card</c> (card color, default translucent near-black); <c>enter</c> (seconds a new
/// message takes to come in, default 0.3); <c>mentions</c> (words such as "@auctioneer" that make a message a mention).
/// </summary>
public sealed class ChatLayer : ILayerType
{
    public string Name => "chat";

    public string? PropsSchema => PropsSchemas.Chat;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer(context);

    private sealed class Renderer(LayerContext layer) : IAnimatedLayerRenderer
    {
        private const int MostVisible = 100;
        private readonly ChatMessage[] _latest = new ChatMessage[MostVisible + 1];
        private readonly ChatMessage[] _newest = new ChatMessage[1];
        private readonly Dictionary<long, ChatCard> _cards = [];
        private string? _cardsLayout;
        private double _enterSeconds = 0.3;

        /// <summary>Changes every frame while a message comes in, and with each new message; otherwise stays put.</summary>
        public long ContentVersionAt(FrameTime time)
        {
            if (layer.Chat.CopyLatest(_newest) == 0) return 0;
            var entering = ChatMotion.IsEntering(_newest[0], time, _enterSeconds);
            _newest[0] = null!;
            return entering ? -(time.Index + 1) : layer.Chat.Version;
        }

        public void Render(LayerDrawContext context)
        {
            if (ChatStyle.Read(context.Props, layer, context.Size) is not { } style) return;
            _enterSeconds = style.EnterSeconds;
            var count = layer.Chat.CopyLatest(_latest.AsSpan(0, style.MaxVisible + 1));
            var messages = _latest.AsSpan(0, count);
            KeepCards(messages, context);
            var column = style.Column;
            var canvas = context.Canvas;
            canvas.ClipRect(column);
            var width = column.Width - 2 * style.Gap;
            var cursor = column.Bottom - style.Gap;
            var newest = count > 0 ? ChatMotion.Entered(messages[^1], context.Time, style.EnterSeconds) : 1;
            for (var i = count - 1; i >= 0 && cursor > column.Top; i--)
            {
                var message = messages[i];
                if (!_cards.TryGetValue(message.Sequence, out var card))
                    _cards[message.Sequence] = card = new ChatCard(message, style, width);
                var entered = ChatMotion.Entered(message, context.Time, style.EnterSeconds);
                var top = cursor - card.Height + (1 - entered) * card.Height * 0.5f;
                var opacity = entered * TopFade(top, card.Height, column.Top + style.Gap);
                // One more than maxVisible is fetched: it fades out while the newest comes in.
                if (count > style.MaxVisible && i == 0) opacity *= 1 - newest;
                var slide = (1 - entered) * style.Gap * 4 * (column.MidX > context.Size.Width / 2f ? 1 : -1);
                card.Draw(canvas, column.Left + style.Gap + slide, top, opacity);
                cursor -= (card.Height + style.Gap) * entered;
            }
            messages.Clear();
        }

        /// <summary>Cards fade as they scroll past the top edge.</summary>
        private static float TopFade(float top, float height, float edge) => Math.Clamp(1 - (edge - top) / height, 0, 1);

        /// <summary>Keeps the laid-out cards of the messages shown, and only those, so memory stays flat however busy the chat.</summary>
        private void KeepCards(ReadOnlySpan<ChatMessage> messages, LayerDrawContext context)
        {
            var layout = $"{context.Size}|{context.Props.ToJsonString()}";
            if (layout != _cardsLayout || messages.Length == 0)
            {
                _cards.Clear();
                _cardsLayout = layout;
                return;
            }
            var oldest = messages[0].Sequence;
            foreach (var sequence in _cards.Keys.Where(s => s < oldest).ToList()) _cards.Remove(sequence);
        }

        public void Dispose() => _cards.Clear();
    }
}
