using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Clock;

namespace StreamEngine.Host.Show;

/// <summary>
/// Gets the code a live show runs ready before it first runs on the frame thread. Left alone, each method is compiled
/// the first time it runs, on the frame thread: the first lot loaded, the first bid of a flood, the first spring each
/// stopped a frame for tens of milliseconds, and a live auction dropped frames in its first seconds (11 at start-up, 8
/// in a 200 bids/s flood's first 4 s). The code that runs on the frame thread (the plugins, the core, the application
/// layer, scripting and the state store: about 7,500 methods) is compiled before a fresh show goes on air, and the
/// animation reader's first use (its JSON contract, built once) is made before the clock starts. Methods that cannot be
/// compiled ahead (open generics) are left to the JIT.
/// </summary>
internal static class CodeWarmUp
{
    private static readonly HashSet<string> FrameThread =
        ["StreamEngine.Core", "StreamEngine.Application", "StreamEngine.Scripting", "StreamEngine.Sdk", "StreamEngine.Toolkit", "StreamEngine.State"];

    private static readonly string[] Kinds =
    [
        """{ "kind": "tween", "target": "x", "property": "opacity", "from": 0, "to": 1, "duration": 1, "easing": "easeOutCubic" }""",
        """{ "kind": "spring", "target": "x", "property": "scale", "from": 0.4, "to": 1, "stiffness": 260, "damping": 12 }""",
        """{ "kind": "keyframes", "target": "x", "property": "opacity", "keyframes": [ { "at": 0, "value": 0 }, { "at": 1, "value": 1 } ] }""",
        """{ "kind": "sequence", "children": [ { "kind": "parallel", "children": [ { "kind": "effect", "effect": "fadeIn", "target": "x" } ] } ] }""",
        """{ "kind": "path", "target": "x", "points": [[0, 0], [1, 1]], "duration": 1 }""",
    ];

    /// <summary>Before the clock starts: the animation reader and writer, once for each kind.</summary>
    public static void ReadersNow()
    {
        foreach (var kind in Kinds) _ = AnimationJson.ToJson(AnimationJson.Parse(JsonNode.Parse(kind)!));
    }

    /// <summary>
    /// Compiles every method of the engine's and the plugins' assemblies on a thread of its own, which goes down to the
    /// lowest priority once <paramref name="onAir"/> says the show is on air: it never takes a core from the frame thread.
    /// </summary>
    public static Task<(int Methods, TimeSpan Took)> Compile(Func<bool> onAir)
    {
        var done = new TaskCompletionSource<(int, TimeSpan)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { done.SetResult(CompileAll(onAir)); }
            catch (Exception e) { done.SetException(e); }
        }) { Name = "code-warm-up", IsBackground = true };
        thread.Start();
        return done.Task;
    }

    private static (int Methods, TimeSpan Took) CompileAll(Func<bool> onAir)
    {
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        var yielded = false;
        // What runs on the frame thread, plugins first (the behaviours and layers a show's first events run): not the
        // command line, the REST server or the encoder's process management, which it would only make slower to start.
        var assemblies = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.GetName().Name is { } n && (n.StartsWith("StreamEngine.Plugins.", StringComparison.Ordinal) || FrameThread.Contains(n)))
            .OrderBy(a => a.GetName().Name!.StartsWith("StreamEngine.Plugins.", StringComparison.Ordinal) ? 0 : 1);
        foreach (var assembly in assemblies)
        {
            Type[] types;
            try { types = assembly.GetTypes(); }
            catch (ReflectionTypeLoadException e) { types = [.. e.Types.OfType<Type>()]; }
            foreach (var type in types.Where(t => !t.ContainsGenericParameters))
            {
                if (!yielded && onAir())
                {
                    yielded = true;
                    ThreadNice.TrySet(19);
                    Thread.CurrentThread.Priority = ThreadPriority.Lowest;
                }
                const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
                foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
                {
                    if (method.IsAbstract || method.ContainsGenericParameters || method.GetMethodBody() is null) continue;
                    try
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle);
                        count++;
                    }
                    catch (Exception e) when (e is ArgumentException or InvalidOperationException or BadImageFormatException or TypeLoadException or MissingMethodException or NotSupportedException) { }
                }
            }
        }
        return (count, Stopwatch.GetElapsedTime(started));
    }
}
