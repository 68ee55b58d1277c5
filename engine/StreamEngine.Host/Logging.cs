using Microsoft.Extensions.Logging;
using NLog.Config;
using NLog.Extensions.Logging;
using NLog.Layouts;
using NLog.Targets;

namespace StreamEngine.Host;

/// <summary>Configures NLog behind Microsoft.Extensions.Logging: readable lines in development, one JSON object per line in production. Logs go to stderr so stdout stays for command output.</summary>
internal static class Logging
{
    public static ILoggerFactory Create(string level, string format)
    {
        var config = new LoggingConfiguration();
        var console = new ConsoleTarget("console") { StdErr = true, Layout = format == "json" ? Json() : Text() };
        // ASP.NET Core's per-request lines are noise in a show's log: only its warnings and errors pass.
        config.AddRule(NLog.LogLevel.Trace, NLog.LogLevel.Info, new NullTarget("framework"), "Microsoft.*", final: true);
        config.AddRule(NLog.LogLevel.FromString(NLogLevel(level)), NLog.LogLevel.Fatal, console);
        return LoggerFactory.Create(builder => builder
            .ClearProviders()
            .SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace)
            .AddNLog(config, new NLogProviderOptions { RemoveLoggerFactoryFilter = true }));
    }

    private static string NLogLevel(string level) => level switch { "warn" => "Warn", "info" => "Info", var l => l };

    private static Layout Text() =>
        "${date:format=HH\\:mm\\:ss.fff} ${level:uppercase=true:padding=-5} ${logger:shortName=true}: ${message}${onexception:inner=${newline}${exception:format=tostring}}";

    private static JsonLayout Json() => new()
    {
        Attributes =
        {
            new JsonAttribute("time", "${date:universalTime=true:format=o}"),
            new JsonAttribute("level", "${level:lowercase=true}"),
            new JsonAttribute("logger", "${logger}"),
            new JsonAttribute("message", "${message}"),
            new JsonAttribute("exception", "${exception:format=tostring}"),
        },
        IncludeEventProperties = true,
    };
}
