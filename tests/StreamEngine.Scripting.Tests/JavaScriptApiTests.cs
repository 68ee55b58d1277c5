using StreamEngine.Core.Chat;

namespace StreamEngine.Scripting.Tests;

/// <summary>The script API from JavaScript: layers, timers, frame hooks, chat, bids, questions, the host character, state.</summary>
public sealed class JavaScriptApiTests : IDisposable
{
    private readonly ScriptRig _rig = new();

    [Fact]
    public async Task A_script_creates_and_updates_layers_from_its_top_level_timers_and_frame_hook()
    {
        await _rig.LoadAsync("show.js", """
            create({ id: "title", type: "overlay.text", props: { text: "Lot 1" } });
            after(1, () => update("title", { props: { text: "Going once" } }));
            let frames = 0;
            onFrame(t => { frames++; if (t.frame === 45) update("title", { props: { text: `frames ${frames}` } }); });
            """);
        _rig.Step();
        Assert.Equal("Lot 1", _rig.Text("title"));
        _rig.Step(30);
        Assert.Equal("Going once", _rig.Text("title"));
        _rig.Step(15);
        Assert.Equal("frames 46", _rig.Text("title"));
        Assert.Equal(ScriptState.Running, _rig.Status("show.js").State);
    }

    [Fact]
    public async Task Chat_messages_bids_and_questions_reach_their_handlers()
    {
        await _rig.LoadAsync("chat.js", """
            create({ id: "log", type: "overlay.text", props: { text: "" } });
            const seen = [];
            const show = () => update("log", { props: { text: seen.join("|") } });
            onChat(m => { seen.push("chat:" + m.author); show(); });
            onBid(b => { seen.push(`bid:${b.amount}:${b.currency}`); show(); });
            onQuestion(m => { seen.push("q:" + m.text); show(); });
            """);
        _rig.Step();
        _rig.Chat.Post(new ChatPost("api", "ana", "bid 2.5 eth"));
        _rig.Chat.Post(new ChatPost("api", "bo", "is it signed?"));
        _rig.Chat.Post(new ChatPost("api", "cy", "$300"));
        _rig.Chat.Post(new ChatPost("api", "di", "I have 2 cats"));
        _rig.Step();
        Assert.Equal("chat:ana|bid:2.5:ETH|chat:bo|q:is it signed?|chat:cy|bid:300:USD|chat:di", _rig.Text("log"));
    }

    [Fact]
    public async Task Say_makes_the_host_talk_and_go_back_to_idle_after_the_line()
    {
        _ = _rig.Scene.Enqueue(Core.Scene.SceneCommand.AddLayer(new Sdk.LayerState { Id = "auctioneer", Type = "host" }));
        await _rig.LoadAsync("say.js", """after(0.5, () => say("Sold!", { seconds: 1 }));""");
        _rig.Step(16);
        Assert.Equal("talking", _rig.Props("auctioneer")["state"]!.GetValue<string>());
        Assert.Equal("Sold!", _rig.Props("auctioneer")["speech"]!["text"]!.GetValue<string>());
        _rig.Step(30);
        Assert.Equal("idle", _rig.Props("auctioneer")["state"]!.GetValue<string>());
        Assert.False(_rig.Props("auctioneer").ContainsKey("speech"));
    }

    [Fact]
    public async Task An_animation_handle_reports_start_and_completion_and_moves_the_layer()
    {
        await _rig.LoadAsync("anim.js", """
            create({ id: "tag", type: "shape", transform: { x: 0, y: 0, width: 10, height: 10 } });
            create({ id: "log", type: "overlay.text", props: { text: "" } });
            const events = [];
            animate("tag", { kind: "tween", property: "x", to: 100, duration: 0.5 })
              .onStart(() => events.push("start"))
              .onComplete(() => { events.push("done"); update("log", { props: { text: events.join(",") } }); });
            """);
        _rig.Step(30);
        Assert.Equal(100, _rig.Scene.Find("tag")!.State.Transform.X);
        Assert.Equal("start,done", _rig.Text("log"));
    }

    [Fact]
    public async Task An_oversized_state_is_not_saved_and_the_script_is_told_which_field()
    {
        var path = _rig.Write("big.js", "state.lot = 7;");
        await _rig.Host.AddAsync(path);
        _rig.Step();
        Assert.Equal(7, _rig.Host.SaveStates()["big.js"]!["lot"]!.GetValue<int>());
        File.WriteAllText(path, "state.lot = 8; state.notes = 'x'.repeat(20000);");
        await _rig.Host.ReloadAsync("big.js");
        _rig.Step();

        var saved = _rig.Host.SaveStates()["big.js"]!;
        Assert.Equal(7, saved["lot"]!.GetValue<int>()); // the last state within bounds, which a restart restores
        Assert.Null(saved["notes"]);
        var error = _rig.Host.Statuses().Single(s => s.Name == "big.js").LastError!;
        Assert.StartsWith("state.notes: expected at most 10000 characters, got 20000", error.Message);
        _rig.Host.SaveStates();
        Assert.Equal(1, _rig.Host.Statuses().Single(s => s.Name == "big.js").Errors); // told once, not at every save
    }

    [Fact]
    public async Task State_survives_a_reload_and_a_new_version_replaces_the_handlers()
    {
        var path = _rig.Write("count.js", """
            state.loads = (state.loads || 0) + 1;
            create({ id: "t", type: "overlay.text", props: { text: "v1 " + state.loads } });
            """);
        await _rig.Host.AddAsync(path);
        _rig.Step();
        Assert.Equal("v1 1", _rig.Text("t"));
        File.WriteAllText(path, """
            state.loads = (state.loads || 0) + 1;
            onFrame(() => update("t", { props: { text: "v2 " + state.loads } }));
            """);
        await _rig.Host.ReloadAsync("count.js");
        _rig.Step();
        Assert.Equal("v2 2", _rig.Text("t"));
        Assert.Equal(2, _rig.Host.SaveStates()["count.js"]!["loads"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_syntax_error_on_reload_keeps_the_previous_version_and_reports_file_line_and_column()
    {
        var path = _rig.Write("edit.js", """onFrame(() => update("t", { props: { text: "old" } })); create({ id: "t", type: "overlay.text" });""");
        await _rig.Host.AddAsync(path);
        _rig.Step();
        File.WriteAllText(path, "// a comment\nonFrame(() => update(\"t\", { props: { text: \"new\" } ));\n");
        var status = await _rig.Host.ReloadAsync("edit.js");
        _rig.Step(2);
        Assert.Equal("old", _rig.Text("t"));
        Assert.Equal(ScriptState.Running, status.State);
        Assert.Equal((path, 2), (status.LastError!.File, status.LastError.Line));
        Assert.Equal(52, status.LastError.Column); // the ")" that should have been a "}"
        Assert.Contains(_rig.Log.Lines, l => l.Contains("edit.js was not loaded (the previous version keeps running)") && l.Contains($"{path}:2:"));
    }

    [Fact]
    public async Task A_new_version_that_throws_at_load_leaves_the_previous_one_running()
    {
        var path = _rig.Write("v.js", """create({ id: "t", type: "overlay.text" }); onFrame(t => update("t", { props: { text: "v1 " + t.frame } }));""");
        await _rig.Host.AddAsync(path);
        _rig.Step();
        File.WriteAllText(path, "onFrame(t => update(\"t\", { props: { text: \"v2\" } }));\n\nnull.boom;\n");
        await _rig.Host.ReloadAsync("v.js");
        _rig.Step();
        var status = _rig.Status("v.js");
        Assert.Equal("v1 1", _rig.Text("t"));
        Assert.Equal(ScriptState.Running, status.State);
        Assert.Equal(3, status.LastError!.Line);
        Assert.Contains("TypeError", status.LastError.Message);
    }

    [Fact]
    public async Task A_script_that_throws_at_load_is_reported_with_its_line_and_does_not_run()
    {
        var status = await _rig.LoadAsync("bad.js", "create({ id: 'a', type: 'overlay.text' });\nupdate('missing', { props: {} });\n");
        _rig.Step();
        status = _rig.Status("bad.js");
        Assert.Equal(ScriptState.Failed, status.State);
        Assert.Equal(2, status.LastError!.Line);
        Assert.Contains("layer 'missing' does not exist", status.LastError.Message);
    }

    [Fact]
    public async Task A_hook_that_keeps_throwing_is_disabled_after_the_configured_number_of_errors_and_others_go_on()
    {
        using var rig = new ScriptRig(new ScriptLimits { MaxConsecutiveErrors = 3, CallMilliseconds = 2000, LoadMilliseconds = 10_000 });
        await rig.LoadAsync("throws.js", "let n = 0;\nonFrame(() => { n++; throw new Error('boom ' + n); });\n");
        await rig.LoadAsync("fine.js", "create({ id: 'c', type: 'overlay.text' }); let f = 0; onFrame(() => update('c', { props: { text: String(++f) } }));");
        rig.Step(10);
        var status = rig.Status("throws.js");
        Assert.Equal(ScriptState.Disabled, status.State);
        Assert.Equal(3, status.Errors);
        Assert.Equal(2, status.LastError!.Line);
        Assert.Contains("boom 3", status.LastError.Message);
        Assert.Equal("10", rig.Text("c"));
        Assert.Contains(rig.Log.Lines, l => l.Contains("Script throws.js") && l.Contains("was disabled") && l.Contains("3 calls in a row failed"));
    }

    [Fact]
    public async Task Output_control_is_refused_without_the_permission_and_says_how_to_allow_it()
    {
        await _rig.LoadAsync("outputs.js", """
            create({ id: "out", type: "overlay.text" });
            try { startOutput("/tmp/never.mp4"); } catch (e) { update("out", { props: { text: e.message } }); }
            """);
        _rig.Step();
        Assert.Equal("output control is not allowed for scripts: start the engine with --allow-script-outputs (or SCRIPT_ALLOW_OUTPUTS=true)", _rig.Text("out"));
    }

    public void Dispose() => _rig.Dispose();
}
