using StreamEngine.Application;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Host.Show;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>chat classify "TEXT" [--json]</c> or <c>chat classify --file FILE</c>: what the chat analysis stage (a plugin,
/// loaded through the plugin catalog like a show does) finds in a message: kind, amount, raise, currency, sentiment,
/// confidence, flags. With a file, one message per line and one JSON object per line, in order.
/// </summary>
internal static class ChatCommand
{
    private const string Stage = "chat.analysis";

    public static Command Create(GlobalOptions global)
    {
        var text = new Argument<string?>("text") { Description = "the message to classify", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var file = new Option<string?>("--file") { Description = "classify every line of FILE; prints one JSON object per line" };
        var classify = new Command("classify", "Print the analysis of a chat message: bid (amount, currency, raise), question or other, sentiment, confidence, flags.") { text, json, file };
        classify.SetAction((parse, _) => CommandRunner.RunAsync(_ => Task.FromResult(Classify(global, parse, parse.GetValue(text), parse.GetValue(json), parse.GetValue(file)))));
        return new Command("chat", "Work with the chat pipeline.") { classify };
    }

    private static int Classify(GlobalOptions global, ParseResult parse, string? text, bool json, string? file)
    {
        if ((text is null) == (file is null))
            throw new UserInputException("chat classify", "text", "expected a message to classify or --file FILE (one of them)");
        var lines = file is null ? [text!] : ReadLines(file);
        var config = global.LoadConfig(parse);
        using var loggers = GlobalOptions.Loggers(config with { LogLevel = "error" });
        using var plugins = ShowComposition.LoadPlugins(config, loggers);
        var stage = plugins.ChatStage(Stage)
            ?? throw new UserInputException("chat classify", "plugins", $"no loaded plugin offers the chat stage '{Stage}' (plugins directory: {ShowComposition.PluginsDirectory(config)})");
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var result = Analyse(stage, line, i + 1);
            Console.WriteLine(json || file is not null ? result.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) : Describe(result));
        }
        return CommandRunner.Ok;
    }

    private static List<string> ReadLines(string file)
    {
        try { return [.. File.ReadLines(file)]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException("chat classify", "--file", $"cannot read {file}: {e.Message}");
        }
    }

    private static JsonObject Analyse(IChatStage stage, string text, int number)
    {
        var message = new ChatMessage(0, $"cli-{number}", "cli", "cli", text.Length > 500 ? text[..500] : text, [], null, null, new FrameTime(0, 30));
        var verdict = stage.Process(message).Message?.Annotations.LastOrDefault(a => a.Kind is "bid" or "question" or "other");
        return new JsonObject
        {
            ["kind"] = verdict?.Kind ?? "other",
            ["amount"] = verdict?.Amount is { } amount ? JsonValue.Create(amount) : null,
            ["raise"] = verdict?.Raise ?? false,
            ["currency"] = verdict?.Currency,
            ["sentiment"] = verdict?.Sentiment ?? 0,
            ["confidence"] = verdict?.Confidence ?? 0,
            ["flags"] = new JsonArray([.. (verdict?.Flags ?? []).Select(f => (JsonNode)f)]),
        };
    }

    private static string Describe(JsonObject r) =>
        $"kind: {r["kind"]}\namount: {r["amount"]?.ToJsonString() ?? "-"}{(r["raise"]!.GetValue<bool>() ? " (raise)" : "")}\ncurrency: {r["currency"]?.GetValue<string>() ?? "-"}\n" +
        $"sentiment: {r["sentiment"]}\nconfidence: {r["confidence"]}\nflags: {string.Join(", ", r["flags"]!.AsArray().Select(f => f!.GetValue<string>()))}";
}
