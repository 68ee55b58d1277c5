using StreamEngine.Application;
using System.CommandLine;
using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;
using StreamEngine.Host.Config;
using StreamEngine.Host.Show;
using StreamEngine.Scripting;

namespace StreamEngine.Host.Commands;

/// <summary><c>validate FILE</c>: checks a scene file (it has "layers") or a config file and lists every problem with its JSON path.</summary>
internal static class ValidateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "a scene file (.json with layers), a config file (.json of settings) or a show script (.js, .mjs, .csx)" };
        var command = new Command("validate", "Check a scene, config or script file without running a show.") { file };
        command.SetAction((parse, _) => CommandRunner.RunAsync(_ => Task.FromResult(Validate(global, parse, parse.GetValue(file)!))));
        return command;
    }

    private static int Validate(GlobalOptions global, System.CommandLine.ParseResult parse, string path)
    {
        var config = global.LoadConfig(parse);
        IReadOnlyList<ValidationProblem> problems;
        string kind;
        if (ScriptLanguages.Of(path) is { } language)
        {
            kind = language == ScriptLanguage.CSharp ? "C# script" : "JavaScript script";
            problems = [.. ScriptHost.Check(path).Select(e => new ValidationProblem(e.Line > 0 ? $"{path}:{e.Line}:{e.Column}" : path, e.Message))];
        }
        else if (IsScene(path))
        {
            kind = "scene";
            using var loggers = GlobalOptions.Loggers(config with { LogLevel = "error" });
            using var plugins = ShowComposition.LoadPlugins(config, loggers);
            // The chat section too: a source type or stage no loaded plugin offers is named by its JSON path.
            var (_, chat) = ChatSettings.Read(path, t => plugins.ChatSource(t) is not null, s => plugins.ChatStage(s) is not null);
            problems = [.. ShowComposition.ReadScene(path, config, plugins).Problems, .. chat];
        }
        else
        {
            kind = "config";
            problems = new ConfigLoader().FromFile(path).Problems;
        }
        if (problems.Count > 0) throw new UserInputException(path, problems);
        Console.WriteLine($"{path}: valid {kind} file");
        return CommandRunner.Ok;
    }

    private static bool IsScene(string path)
    {
        try { return JsonNode.Parse(File.ReadAllText(path)) is JsonObject o && o.ContainsKey("layers"); }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException) { return !path.Contains("config", StringComparison.OrdinalIgnoreCase); }
    }
}
