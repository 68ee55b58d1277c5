namespace StreamEngine.Scripting.Tests;

/// <summary>
/// What a JavaScript script cannot do: reach the CLR, files or the network; and what happens when it tries to take
/// the frame thread with it: an endless loop, endless recursion or a memory bomb is cut and the show goes on.
/// </summary>
public sealed class SandboxTests : IDisposable
{
    private readonly ScriptRig _rig = new(new ScriptLimits { CallMilliseconds = 2000, LoadMilliseconds = 10_000, MaxStatements = 100_000, MemoryBytes = 16 << 20, RecursionDepth = 100 });

    [Fact]
    public async Task JavaScript_cannot_reach_the_clr_the_file_system_or_the_network()
    {
        await _rig.LoadAsync("escape.js", """
            const probes = {
              System: () => System.IO.File.ReadAllText("/etc/passwd"),
              importNamespace: () => importNamespace("System.IO"),
              clrType: () => log.GetType().Assembly,
              clrConstructor: () => layer.constructor.constructor("return System")(),
              require: () => require("fs"),
              fetch: () => fetch("http://127.0.0.1/"),
              xhr: () => new XMLHttpRequest(),
              process: () => process.env,
            };
            const results = [];
            for (const [name, probe] of Object.entries(probes)) {
              try { const r = probe(); results.push(`${name}:reached ${typeof r} ${r && r.then ? "promise" : ""}`.trim()); }
              catch (e) { results.push(`${name}:${e.name}`); }
            }
            create({ id: "out", type: "overlay.text", props: { text: results.join(",") } });
            """);
        _rig.Step();
        var text = _rig.Text("out") ?? throw new InvalidOperationException(_rig.Status("escape.js").ToString());
        var results = text.Split(',').ToDictionary(r => r.Split(':')[0], r => r.Split(':')[1]);
        foreach (var (name, result) in results)
            Assert.True(result is "ReferenceError" or "TypeError", $"{name}: {result}");
        Assert.Equal(8, results.Count);
        Assert.Equal(ScriptState.Running, _rig.Status("escape.js").State);
    }

    [Fact]
    public async Task A_plain_script_cannot_import_anything()
    {
        await _rig.LoadAsync("import.js", """const secret = import("/etc/passwd"); secret.then(() => create({ id: "out", type: "overlay.text" }));""");
        _rig.Step(2);
        Assert.Null(_rig.Scene.Find("out"));
        Assert.Equal(ScriptState.Failed, _rig.Status("import.js").State);
        Assert.Contains("Module loading has been disabled", _rig.Status("import.js").LastError!.Message);
    }

    [Fact]
    public async Task A_module_cannot_import_files_outside_its_folder()
    {
        var status = await _rig.LoadAsync("escape.mjs", """import secrets from "../../../etc/passwd"; create({ id: "out", type: "overlay.text" });""");
        _rig.Step();
        status = _rig.Status("escape.mjs");
        Assert.Equal(ScriptState.Failed, status.State);
        Assert.Null(_rig.Scene.Find("out"));
    }

    [Fact]
    public async Task A_module_script_imports_a_module_next_to_it()
    {
        _rig.Write("prices.mjs", "export const format = n => `${n.toFixed(2)} ETH`;");
        await _rig.LoadAsync("module.mjs", """import { format } from "./prices.mjs"; create({ id: "out", type: "overlay.text", props: { text: format(2.5) } });""");
        _rig.Step();
        Assert.Equal("2.50 ETH", _rig.Text("out"));
    }

    [Theory]
    [InlineData("loop", "onFrame(() => { while (true) {} });", "statements")]
    [InlineData("recursion", "const f = n => f(n + 1) + 1;\nonFrame(() => f(0));", "nested deeper than 100")]
    [InlineData("memory", "onFrame(() => { const a = []; while (true) a.push('x'.repeat(1 << 16) + a.length); });", "allocated more than 16 MB")]
    public async Task A_runaway_hook_is_cut_within_its_limit_and_the_other_scripts_go_on(string name, string hook, string expected)
    {
        await _rig.LoadAsync($"{name}.js", hook);
        await _rig.LoadAsync("clock.js", "create({ id: 'clock', type: 'overlay.text' }); onFrame(t => update('clock', { props: { text: String(t.frame) } }));");
        _rig.Step(8);
        var status = _rig.Status($"{name}.js");
        Assert.Equal(ScriptState.Disabled, status.State);
        Assert.Contains(expected, status.LastError!.Message);
        Assert.Equal("7", _rig.Text("clock"));
        Assert.Equal(ScriptState.Running, _rig.Status("clock.js").State);
    }

    public void Dispose() => _rig.Dispose();
}
