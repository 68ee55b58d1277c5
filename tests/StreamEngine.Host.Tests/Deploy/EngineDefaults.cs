using System.Reflection;
using System.Runtime.Loader;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests.Deploy;

/// <summary>
/// The configuration defaults of the engine that was built (its <c>EngineConfig</c>), read from the built assembly, so
/// the deployment files are checked against what the engine really listens on, not a copy of the numbers.
/// </summary>
internal static class EngineDefaults
{
    private static readonly Lazy<object> Config = new(() =>
    {
        // The engine's own dependencies (StreamEngine.Application, …) resolve from beside it, as when it runs.
        var resolver = new AssemblyDependencyResolver(RepoPaths.BuiltEngine);
        var context = new AssemblyLoadContext("engine-defaults", isCollectible: true);
        context.Resolving += (ctx, name) => resolver.ResolveAssemblyToPath(name) is { } path ? ctx.LoadFromAssemblyPath(path) : null;
        var assembly = context.LoadFromAssemblyPath(RepoPaths.BuiltEngine);
        var type = assembly.GetType("StreamEngine.Host.Config.EngineConfig", throwOnError: true)!;
        return Activator.CreateInstance(type)!;
    });

    public static int Port => Read<int>("Port");
    public static int WsPort => Read<int>("WsPort");
    public static int MetricsPort => Read<int>("MetricsPort");
    public static int HealthPort => Read<int>("HealthPort");

    private static T Read<T>(string property) =>
        (T)Config.Value.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.GetValue(Config.Value)!;
}
