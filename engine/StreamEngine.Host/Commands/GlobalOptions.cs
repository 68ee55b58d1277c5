using StreamEngine.Application;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using StreamEngine.Host.Config;

namespace StreamEngine.Host.Commands;

/// <summary>Options every command takes, and turning them into a config and loggers.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> ConfigFile { get; } = new("--config") { Description = "JSON config file; keys are the setting names (TARGET_FPS, STREAM_RESOLUTION …)", Recursive = true };
    public Option<string?> LogLevel { get; } = new("--log-level") { Description = "trace, debug, info, warn or error", Recursive = true };
    public Option<string?> LogFormat { get; } = new("--log-format") { Description = "text (readable) or json (one object per line)", Recursive = true };

    public void AddTo(Command root)
    {
        root.Options.Add(ConfigFile);
        root.Options.Add(LogLevel);
        root.Options.Add(LogFormat);
    }

    /// <summary>Defaults, then the config file, then the environment, then flags; bad values throw <see cref="UserInputException"/>.</summary>
    public EngineConfig LoadConfig(ParseResult parse, params (string Name, string? Value)[] flags)
    {
        var loader = new ConfigLoader().FromFile(parse.GetValue(ConfigFile)).FromEnvironment();
        if (Environment.GetEnvironmentVariable("STREAM_ENGINE_ENV") == "production" && Environment.GetEnvironmentVariable("LOG_FORMAT") is null)
            loader.Set("LOG_FORMAT", "json");
        loader.Set("LOG_LEVEL", parse.GetValue(LogLevel)).Set("LOG_FORMAT", parse.GetValue(LogFormat));
        foreach (var (name, value) in flags) loader.Set(name, value);
        if (loader.Problems.Count > 0) throw new UserInputException("configuration", loader.Problems);
        return loader.Config;
    }

    public static ILoggerFactory Loggers(EngineConfig config) => Logging.Create(config.LogLevel, config.LogFormat);
}
