using StreamEngine.Application;
using System.Text;

namespace StreamEngine.Host.Fuzz;

/// <summary>
/// The WebSocket protocol (docs/protocol.md) broken at every level: frames with bad opcodes, reserved bits, no mask,
/// lying lengths or bad UTF-8; messages that are not JSON or miss fields; requests with bad fields; huge batches.
/// </summary>
internal sealed class SocketCases(Garbage g, ShowFacts show, SceneCases scene, ScriptCases script)
{
    private static readonly string[] RequestTypes =
    [
        "GetVersion", "GetShowInfo", "GetStats", "GetLayerList", "GetLayer", "CreateLayer", "SetLayer", "RemoveLayer", "ReorderLayers",
        "SwitchScene", "StartAnimation", "ControlAnimation", "GetAnimationList", "RaiseShowEvent", "InjectChatMessage", "GetOutputList",
        "RemoveOutput", "GetPluginList", "GetScriptList", "ReloadScript", "Sleep", "NoSuchRequest",
    ];

    public static SocketCase Request(string door, string type, string data, string id = "\"1\"") =>
        new(door, [RawFrame.Text($"{{\"op\":6,\"d\":{{\"requestType\":{Garbage.Quote(type)},\"requestId\":{id},\"requestData\":{data}}}}}")]);

    public FuzzCase Next() => g.Random.Next(12) switch
    {
        < 4 => Request("websocket", g.Pick(RequestTypes), RequestData(), g.Chance(0.9) ? Garbage.Quote($"r{g.Random.Next(1000)}") : g.Value(0)),
        4 => Batch(),
        5 => new SocketCase("websocket", [RawFrame.Text(Message())], Identify: !g.Chance(0.2)),
        6 => new SocketCase("websocket", [RawFrame.Text(Identify())], Identify: g.Chance(0.3)),
        7 => new SocketCase("websocket", [RawFrame.Text(g.Chance(0.5) ? g.BrokenJson("{\"op\":6,\"d\":{}}") : g.Value())]),
        _ => Framing(),
    };

    private string RequestData() => g.Random.Next(8) switch
    {
        0 => Garbage.Object(("layerId", Garbage.Quote(g.Id(show.LayerIds))), ("patch", scene.Patch())),
        1 => Garbage.Object(("layer", scene.Layer($"ws-{g.Random.Next(50)}"))),
        2 => Garbage.Object(("animation", script.Animation())),
        3 => Garbage.Object(("sleepMillis", g.Number(100))),
        4 => Garbage.Object(("layerIds", Garbage.Array(g.Random.Next(0, 5), () => Garbage.Quote(g.Id(show.LayerIds))))),
        5 => Garbage.Object(("layers", Garbage.Array(g.Random.Next(0, 5), () => scene.Layer($"ws-{g.Random.Next(50)}"))), ("transition", scene.Transition())),
        6 => Garbage.Object(Enumerable.Range(0, g.Random.Next(1, 5)).Select(_ => (g.Key(), g.Value()))),
        _ => g.Value(),
    };

    /// <summary>Batches of every size (past any sane count), execution type and halt flag; Sleeps kept short unless out of range.</summary>
    private SocketCase Batch()
    {
        var count = g.Chance(0.2) ? g.Pick(new[] { 1_000, 10_000, 50_000 }) : g.Random.Next(0, 20);
        var one = Garbage.Object(("requestType", Garbage.Quote(g.Pick(RequestTypes))), ("requestId", "\"b\""), ("requestData", RequestData()));
        count = Math.Min(count, Math.Max(1, (2 << 20) / one.Length)); // past the 1 MiB limit, but not hundreds of MB to send
        var requests = g.Chance(0.5)
            ? "[" + string.Join(",", Enumerable.Repeat(one, count)) + "]"
            : Garbage.Array(Math.Min(count, 20), () => Garbage.Object(("requestType", Garbage.Quote(g.Pick(RequestTypes))), ("requestData", RequestData())));
        var d = Garbage.Object(("requestId", "\"batch\""), ("haltOnFailure", g.Chance(0.8) ? "false" : g.Value(0)),
            ("executionType", g.Chance(0.7) ? "0" : g.Pick(new[] { "-1", "1", "2", "99", "\"0\"", "0.5" })), ("requests", g.Chance(0.9) ? requests : g.Value()));
        return new SocketCase("websocket", [RawFrame.Text($"{{\"op\":8,\"d\":{d}}}")]);
    }

    /// <summary>A message whose envelope is wrong: missing or odd op, d not an object, a server-only op.</summary>
    private string Message() => g.Random.Next(5) switch
    {
        0 => Garbage.Object(("op", g.Chance(0.5) ? g.Pick(new[] { "0", "2", "5", "7", "9", "99", "-1", "6.5", "\"6\"", "null" }) : g.Value(0)), ("d", g.Value())),
        1 => Garbage.Object(("d", "{}")),
        2 => Garbage.Object(("op", "6")),
        3 => Garbage.Object(("op", "3"), ("d", Garbage.Object(("eventSubscriptions", g.Number())))),
        _ => Garbage.Object(("op", "6"), ("d", g.Value())),
    };

    private string Identify() => Garbage.Object(("op", "1"), ("d", Garbage.Object(
        ("rpcVersion", g.Chance(0.5) ? "1" : g.Value(0)), ("eventSubscriptions", g.Number()), ("authentication", g.Chance(0.5) ? "\"wrong\"" : g.Value(0)))));

    /// <summary>Frames broken below JSON: opcodes 3-7 and 11-15, reserved bits, unmasked, fragments, oversized control frames, bad UTF-8, a lying length.</summary>
    private SocketCase Framing()
    {
        var ok = System.Text.Encoding.UTF8.GetBytes("{\"op\":6,\"d\":{\"requestType\":\"GetVersion\",\"requestId\":\"v\"}}");
        RawFrame[] frames = g.Random.Next(10) switch
        {
            0 => [new RawFrame(g.Pick(new[] { 3, 4, 5, 6, 7, 11, 12, 13, 14, 15 }), ok)],
            1 => [new RawFrame(1, ok, Reserved: g.Random.Next(1, 8))],
            2 => [new RawFrame(1, ok, Masked: false)],
            3 => [new RawFrame(0, ok)],
            4 => [new RawFrame(1, ok[..10], Fin: false), new RawFrame(g.Chance(0.7) ? 0 : 1, ok[10..])],
            5 => [new RawFrame(9, new byte[g.Chance(0.5) ? 200 : 10])],
            6 => [new RawFrame(1, [0xff, 0xfe, 0xc3, 0x28])],
            7 => [new RawFrame(2, ok)],
            8 => [new RawFrame(8, g.Chance(0.5) ? [0x03, 0xe7] : [0x0f])],
            _ => [new RawFrame(1, ok, DeclaredLength: g.Chance(0.5) ? 1L << 40 : 70_000)],
        };
        return new SocketCase("websocket", frames, ExpectSilence: frames[0].DeclaredLength is not null);
    }
}
