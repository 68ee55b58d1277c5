using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Interop;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;
using StreamEngine.Toolkit;

namespace StreamEngine.Scripting.JavaScript;

/// <summary>
/// The script API as JavaScript globals (declared in scripts/stream-engine.d.ts). Each is a plain function that
/// converts its arguments from JavaScript values to JSON and calls <see cref="ScriptApi"/>, the same object C# scripts use.
/// </summary>
internal sealed class JsBindings(Engine engine, ScriptApi api, JsRuntime runtime)
{
    public void Install()
    {
        Function("layer", a => JsValues.ToJs(engine, api.Layer(Text(a, 0, "id"))));
        Function("layers", _ => engine.Intrinsics.Array.ConstructFast([.. api.Layers().Select(l => JsValues.ToJs(engine, l))]));
        Function("create", a => Done(() => api.Create(JsValues.ObjectFromJs(engine, Arg(a, 0), "create: layer"))));
        Function("update", a => Done(() => api.Update(Text(a, 0, "id"), JsValues.ObjectFromJs(engine, Arg(a, 1), "update: patch"))));
        Function("remove", a => Done(() => api.Remove(Text(a, 0, "id"))));
        Function("animate", a => Handle(api.Animate(Text(a, 0, "layerId"), JsValues.ObjectFromJs(engine, Arg(a, 1), "animate: spec"))));
        Function("timeline", a => Handle(api.Timeline(JsValues.ObjectFromJs(engine, Arg(a, 0), "timeline: spec"))));
        Function("emit", a => Done(() => api.Emit(Text(a, 0, "eventName"))));
        Function("onChat", a => Done(() => api.OnChat(Handler<ChatMessage>(a, "onChat", m => JsValues.ToJs(engine, Message(m))))));
        Function("onBid", a => Done(() => api.OnBid(Handler<Bid>(a, "onBid", b => JsValues.ToJs(engine, BidJson(b))))));
        Function("onQuestion", a => Done(() => api.OnQuestion(Handler<ChatMessage>(a, "onQuestion", m => JsValues.ToJs(engine, Message(m))))));
        Function("onFrame", a => Done(() => api.OnFrame(Handler<FrameTime>(a, "onFrame", t => JsValues.ToJs(engine, Time(t))))));
        Function("reply", a => Done(() => api.Reply(Text(a, 0, "text"), Arg(a, 1).IsString() ? Arg(a, 1).AsString() : null)));
        Function("say", a =>
        {
            var options = Arg(a, 1).IsObject() ? JsValues.FromJs(engine, Arg(a, 1)) : null;
            return Done(() => api.Say(Text(a, 0, "text"), options?["seconds"]?.GetValue<double>(), options?["layer"]?.GetValue<string>()));
        });
        Function("after", a => api.After(Number(a, 0, "after: seconds"), Callback(a, 1, "after")));
        Function("every", a => api.Every(Number(a, 0, "every: seconds"), Callback(a, 1, "every")));
        Function("cancel", a => Done(() => api.Cancel((int)Number(a, 0, "cancel: timer"))));
        Function("now", _ => JsValues.ToJs(engine, Time(api.Now)));
        Function("call", a => JsValues.ToJs(engine, runtime.Outside(() => api.Call(Text(a, 0, "call: behaviour"), Text(a, 1, "call: method"),
            Arg(a, 2).IsUndefined() ? null : JsValues.FromJs(engine, Arg(a, 2))))));
        Function("startOutput", a => api.StartOutput(Text(a, 0, "target")));
        Function("stopOutput", a => Done(() => api.StopOutput(Text(a, 0, "id"))));
        var audio = new JsObject(engine);
        Method(audio, "play", a => Done(() => api.PlaySound(Text(a, 0, "audio.play: cue"), Arg(a, 1).IsString() ? Arg(a, 1).AsString() : null)));
        Method(audio, "gain", a => Done(() => api.SetAudio(Text(a, 0, "audio.gain: channel"), gainDb: Number(a, 1, "audio.gain: dB"))));
        Method(audio, "mute", a => Done(() => api.SetAudio(Text(a, 0, "audio.mute: channel"), muted: !Arg(a, 1).IsBoolean() || Arg(a, 1).AsBoolean())));
        engine.SetValue("audio", audio);
        var log = new ClrFunction(engine, "log", (_, a) => Done(() => api.Log.Info(Line(a))));
        Method(log, "info", a => Done(() => api.Log.Info(Line(a))));
        Method(log, "warn", a => Done(() => api.Log.Warn(Line(a))));
        Method(log, "error", a => Done(() => api.Log.Error(Line(a))));
        engine.SetValue("log", log);
    }

    private void Function(string name, Func<JsValue[], JsValue> body) =>
        engine.SetValue(name, new ClrFunction(engine, name, (_, arguments) => body(arguments)));

    private void Method(ObjectInstance target, string name, Func<JsValue[], JsValue> body) =>
        target.Set(name, new ClrFunction(engine, name, (_, arguments) => body(arguments)));

    private JsValue Handle(IScriptAnimation animation)
    {
        var handle = new JsObject(engine);
        handle.Set("id", animation.Id);
        foreach (var (name, subscribe) in new (string, Func<Action, IScriptAnimation>)[]
                 { ("onStart", animation.OnStart), ("onFrame", animation.OnFrame), ("onComplete", animation.OnComplete), ("onCancel", animation.OnCancel) })
            Method(handle, name, a => { subscribe(Callback(a, 0, name)); return handle; });
        Method(handle, "stop", _ => Done(animation.Stop));
        Method(handle, "pause", _ => Done(animation.Pause));
        Method(handle, "resume", _ => Done(animation.Resume));
        Method(handle, "reverse", _ => Done(animation.Reverse));
        Method(handle, "seek", a => Done(() => animation.Seek(Number(a, 0, "seek: seconds"))));
        return handle;
    }

    private Action Callback(JsValue[] arguments, int index, string what)
    {
        var function = Function(arguments, index, what);
        return () => runtime.Invoke(function);
    }

    private Action<T> Handler<T>(JsValue[] arguments, string what, Func<T, JsValue> convert)
    {
        var function = Function(arguments, 0, what);
        return value => runtime.Invoke(function, convert(value));
    }

    private static JsValue Function(JsValue[] arguments, int index, string what)
    {
        var value = Arg(arguments, index);
        if (value is not Jint.Native.Function.Function) throw new ScriptApiException($"{what}: expected a function as argument {index + 1}");
        return value;
    }

    private static JsValue Done(Action action)
    {
        action();
        return JsValue.Undefined;
    }

    private static JsValue Arg(JsValue[] arguments, int index) => index < arguments.Length ? arguments[index] : JsValue.Undefined;

    private static string Text(JsValue[] arguments, int index, string what) =>
        Arg(arguments, index) is JsString s ? s.ToString() : throw new ScriptApiException($"{what}: expected a string");

    private static double Number(JsValue[] arguments, int index, string what) =>
        Arg(arguments, index) is JsNumber n ? n.AsNumber() : throw new ScriptApiException($"{what}: expected a number");

    /// <summary>Strings as they are, anything else as JSON (objects would otherwise print as [object Object]).</summary>
    private string Line(JsValue[] arguments) =>
        string.Join(" ", arguments.Select(a => a.IsString() || a.IsUndefined() || a is Jint.Native.Function.Function ? a.ToString() : JsValues.FromJs(engine, a)?.ToJsonString() ?? "null"));

    internal static JsonObject Time(FrameTime time) => new() { ["frame"] = time.Index, ["fps"] = time.Fps, ["seconds"] = time.Seconds };

    internal static JsonObject Message(ChatMessage m) => new()
    {
        ["kind"] = m.Verdict?.Kind ?? (BidText.TryRead(m, out _) ? "bid" : BidParser.IsQuestion(m) ? "question" : "other"),
        ["amount"] = m.Verdict?.Amount is { } stated ? (double)stated : null, ["currency"] = m.Verdict?.Currency,
        ["raise"] = m.Verdict?.Raise ?? false, ["sentiment"] = m.Verdict?.Sentiment, ["confidence"] = m.Verdict?.Confidence,
        ["flags"] = new JsonArray([.. (m.Verdict?.Flags ?? []).Select(f => (JsonNode)f)]),
        ["sequence"] = m.Sequence, ["id"] = m.Id, ["source"] = m.Source, ["author"] = m.Author, ["text"] = m.Text,
        ["badges"] = new JsonArray([.. m.Badges.Select(b => (JsonNode)b)]), ["color"] = m.Color, ["highlight"] = m.Highlight,
        ["time"] = m.ShownAt.Seconds, ["authorId"] = m.AuthorId, ["replyTo"] = m.ReplyTo,
        ["mentions"] = new JsonArray([.. m.Mentions.Select(n => (JsonNode)n)]),
        ["annotations"] = new JsonArray([.. m.Annotations.Select(a => (JsonNode)new JsonObject
        {
            ["stage"] = a.Stage, ["kind"] = a.Kind, ["confidence"] = a.Confidence, ["amount"] = a.Amount is { } amount ? (double)amount : null,
            ["currency"] = a.Currency, ["raise"] = a.Raise, ["sentiment"] = a.Sentiment, ["flags"] = new JsonArray([.. a.Flags.Select(f => (JsonNode)f)]),
        })]),
    };

    internal static JsonObject BidJson(Bid bid) => new()
    {
        ["kind"] = "bid", ["amount"] = bid.Amount is { } amount ? (double)amount : null, ["currency"] = bid.Currency, ["raise"] = bid.Raise,
        ["sentiment"] = bid.Message.Verdict?.Sentiment, ["confidence"] = bid.Confidence,
        ["flags"] = new JsonArray([.. (bid.Message.Verdict?.Flags ?? []).Select(f => (JsonNode)f)]),
        ["author"] = bid.Message.Author, ["text"] = bid.Message.Text, ["message"] = Message(bid.Message),
    };
}
