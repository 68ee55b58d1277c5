using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Auction;

/// <summary>
/// How a lot's state looks on screen, shared by the price card's chip and the banner so a moment has one color
/// everywhere: open is green, going once amber, going twice orange, sold red, the rest muted.
/// </summary>
internal sealed record LotStatus(string Label, SKColor Color, SKColor Ink)
{
    private static readonly SKColor Dark = new(0x14, 0x10, 0x08);

    public static readonly IReadOnlyDictionary<string, LotStatus> Known = new Dictionary<string, LotStatus>
    {
        ["open"] = new("OPEN", new SKColor(0x2e, 0xd5, 0x73), Dark),
        ["once"] = new("GOING ONCE", new SKColor(0xff, 0xc3, 0x3d), Dark),
        ["twice"] = new("GOING TWICE", new SKColor(0xff, 0x8a, 0x1f), Dark),
        ["sold"] = new("SOLD", new SKColor(0xe6, 0x39, 0x46), SKColors.White),
        ["passed"] = new("PASSED", new SKColor(0x8b, 0x94, 0xa8), Dark),
        ["withdrawn"] = new("WITHDRAWN", new SKColor(0x6c, 0x75, 0x8a), SKColors.White),
        ["scheduled"] = new("UP NEXT", new SKColor(0x5b, 0x8d, 0xef), SKColors.White),
        ["info"] = new("", new SKColor(0x7c, 0x5c, 0xff), SKColors.White),
    };

    /// <summary>The look of <paramref name="name"/>; anything else is an error naming the prop and the choices.</summary>
    public static LotStatus Parse(string? name, string fallback, string prop)
    {
        var key = (name ?? fallback).Trim().ToLowerInvariant();
        return Known.TryGetValue(key, out var status) ? status
            : throw new ArgumentException($"props.{prop}: expected one of {string.Join(", ", Known.Keys)}, got \"{name}\"");
    }
}
