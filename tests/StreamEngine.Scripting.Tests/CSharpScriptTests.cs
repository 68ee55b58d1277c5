using System.Runtime.CompilerServices;
using StreamEngine.Core.Chat;
using StreamEngine.Scripting.CSharp;

namespace StreamEngine.Scripting.Tests;

/// <summary>C# scripts: the same API as globals, compile errors with their place, the allow-list, the watchdog, unloading.</summary>
public sealed class CSharpScriptTests : IDisposable
{
    private readonly ScriptRig _rig = new();

    [Fact]
    public async Task A_csx_script_uses_the_api_as_globals()
    {
        var status = await _rig.LoadAsync("show.csx", """"
            Create("""{ "id": "title", "type": "overlay.text", "props": { "text": "Lot 1" } }""");
            var bids = new List<decimal>();
            OnBid(bid => { bids.Add(bid.Amount ?? 0); Update("title", new JsonObject { ["props"] = new JsonObject { ["text"] = $"{bids.Count} bids, top {bids.Max()} {bid.Currency}" } }); });
            After(1, () => State["afterRan"] = true);
            """");
        Assert.Null(status.LastError);
        _rig.Step();
        Assert.Equal("Lot 1", _rig.Text("title"));
        _rig.Chat.Post(new ChatPost("api", "ana", "bid 2 ETH"));
        _rig.Chat.Post(new ChatPost("api", "bo", "3.5 ETH"));
        _rig.Step(30);
        Assert.Equal("2 bids, top 3.5 ETH", _rig.Text("title"));
        Assert.True(_rig.Host.SaveStates()["show.csx"]!["afterRan"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_compile_error_names_file_line_and_column()
    {
        var status = await _rig.LoadAsync("broken.csx", "var x = 1;\nUpdate(\"a\", 42);\n");
        Assert.Equal(ScriptState.Failed, status.State);
        Assert.Equal((2, 13), (status.LastError!.Line, status.LastError.Column));
        Assert.Contains("CS1503", status.LastError.Message);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\");", "System.IO.File")]
    [InlineData("new System.Threading.Thread(() => { }).Start();", "System.Threading.Thread")]
    [InlineData("System.Threading.Tasks.Task.Run(() => { });", "System.Threading.Tasks.Task")]
    [InlineData("typeof(string).Assembly.GetTypes();", "System.Reflection.Assembly")]
    [InlineData("System.Environment.Exit(1);", "System.Environment")]
    [InlineData("var t = Type.GetType(\"System.IO.File\");", "System.Type.GetType")]
    public async Task Apis_outside_the_script_sandbox_are_refused_at_compile_time(string line, string api)
    {
        var status = await _rig.LoadAsync("escape.csx", "Log.Info(\"hi\");\n" + line);
        Assert.Equal(ScriptState.Failed, status.State);
        Assert.Equal(2, status.LastError!.Line);
        Assert.Contains(api, status.LastError.Message);
    }

    [Theory]
    [InlineData("#r \"System.Net.Http\"\nnew System.Net.Http.HttpClient();")]
    [InlineData("#load \"other.csx\"")]
    public async Task References_and_other_files_cannot_be_pulled_in(string source)
    {
        var status = await _rig.LoadAsync("pull.csx", source);
        Assert.Equal(ScriptState.Failed, status.State);
        Assert.Equal(1, status.LastError!.Line);
    }

    [Fact]
    public async Task A_hook_that_overruns_its_budget_is_abandoned_and_the_frames_go_on()
    {
        using var rig = new ScriptRig(new ScriptLimits { CallMilliseconds = 200, LoadMilliseconds = 5000 });
        await rig.LoadAsync("spin.csx", "var n = 0;\n// Spins for 2 s (a real runaway would spin for ever: the thread cannot be stopped, only abandoned).\nOnFrame(t => { if (t.Index == 3) { var end = DateTime.UtcNow.AddSeconds(2); while (DateTime.UtcNow < end) n++; } });");
        await rig.LoadAsync("clock.js", "create({ id: 'clock', type: 'overlay.text' }); onFrame(t => update('clock', { props: { text: String(t.frame) } }));");
        rig.Step(10);
        var status = rig.Status("spin.csx");
        Assert.Equal(ScriptState.Disabled, status.State);
        Assert.Contains("longer than 200 ms and was abandoned", status.LastError!.Message);
        Assert.Equal("9", rig.Text("clock"));
        Assert.Contains(rig.Log.Lines, l => l.Contains("spin.csx") && l.Contains("was disabled"));
    }

    [Fact]
    public async Task An_exception_in_a_hook_is_reported_with_its_line()
    {
        await _rig.LoadAsync("npe.csx", "string? s = null;\nOnFrame(t =>\n{\n    Log.Info(s!.Length.ToString());\n});");
        _rig.Step();
        var status = _rig.Status("npe.csx");
        Assert.Equal(4, status.LastError!.Line);
        Assert.Contains("NullReferenceException", status.LastError.Message);
    }

    [Fact]
    public async Task A_reloaded_version_unloads_the_previous_one_and_the_same_text_compiles_once()
    {
        var path = _rig.Write("reload.csx", "Create(\"\"\"{ \"id\": \"t\", \"type\": \"overlay.text\" }\"\"\");\nOnFrame(t => Update(\"t\", \"\"\"{ \"props\": { \"text\": \"one\" } }\"\"\"));");
        await _rig.Host.AddAsync(path);
        _rig.Step();
        var first = Context();
        File.WriteAllText(path, File.ReadAllText(path).Replace("one", "two"));
        await _rig.Host.ReloadAsync("reload.csx");
        _rig.Step();
        Assert.Equal("two", _rig.Text("t"));
        for (var i = 0; i < 20 && first.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(50);
        }
        Assert.False(first.IsAlive, "the replaced version's load context is still alive");
        Assert.True(CSharpCompiler.IsCached(path, File.ReadAllText(path)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference Context() => ((CSharpRuntime)_rig.Host.Runtime("reload.csx")!).Context!;

    public void Dispose() => _rig.Dispose();
}
