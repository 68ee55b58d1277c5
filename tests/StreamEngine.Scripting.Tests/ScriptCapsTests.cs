using StreamEngine.Core.Chat;

namespace StreamEngine.Scripting.Tests;

/// <summary>What one script may hold and spend beyond a call's statements: regular expressions, timers, animations; and bids it is given.</summary>
public sealed class ScriptCapsTests : IDisposable
{
    private readonly ScriptRig _rig = new(new ScriptLimits { CallMilliseconds = 250, LoadMilliseconds = 10_000, MaxTimers = 20, MaxAnimations = 5 });

    [Fact]
    public async Task A_catastrophic_regular_expression_is_cut_at_the_calls_time_budget_and_the_show_goes_on()
    {
        await _rig.LoadAsync("regex.js", "onFrame(() => /^(a+)+$/.test('a'.repeat(40) + 'b'));");
        await _rig.LoadAsync("clock.js", "create({ id: 'clock', type: 'overlay.text' }); onFrame(t => update('clock', { props: { text: String(t.frame) } }));");

        _rig.Step(6);

        var status = _rig.Status("regex.js");
        Assert.Equal(ScriptState.Disabled, status.State);
        Assert.Contains("regular expression ran longer than the call's 250 ms", status.LastError!.Message);
        Assert.Equal("5", _rig.Text("clock"));
    }

    [Fact]
    public async Task Time_spent_in_a_behaviour_the_script_calls_is_not_the_scripts()
    {
        // The plugin's method takes longer than the script's whole 250 ms budget (as the auctioneer's first call did on a busy machine).
        _rig.Show.Behaviour = id => id == "slow" ? new SlowBehaviour() : null;
        await _rig.LoadAsync("caller.js", """
            create({ id: "out", type: "overlay.text" });
            onFrame(t => { if (t.frame === 1) update("out", { props: { text: String(call("slow", "work")) } }); });
            """);
        _rig.Step(3);

        Assert.Equal(ScriptState.Running, _rig.Status("caller.js").State);
        Assert.Equal("done", _rig.Text("out"));
    }

    private sealed class SlowBehaviour : StreamEngine.Sdk.Behaviours.IShowBehaviour
    {
        public string Id => "slow";
        public IReadOnlyList<StreamEngine.Sdk.Behaviours.BehaviourRoute> Routes => [];
        public void Start(StreamEngine.Sdk.Behaviours.IBehaviourContext context) { }
        public System.Text.Json.Nodes.JsonNode? Call(string method, System.Text.Json.Nodes.JsonNode? argument)
        {
            Thread.Sleep(400);
            return "done";
        }
        public void Dispose() { }
    }

    [Fact]
    public async Task Timers_and_animations_beyond_the_cap_fail_with_a_clear_error_the_script_can_catch()
    {
        await _rig.LoadAsync("hoard.js", """
            create({ id: "box", type: "shape" });
            const errors = [];
            let timers = 0, animations = 0;
            for (let i = 0; i < 30; i++) { try { after(60, () => {}); timers++; } catch (e) { errors.push(e.message); break; } }
            for (let i = 0; i < 30; i++) { try { animate("box", { kind: "tween", property: "x", from: 0, to: 100, duration: 60 }); animations++; } catch (e) { errors.push(e.message); break; } }
            create({ id: "out", type: "overlay.text", props: { text: `${timers} ${animations} | ${errors.join(" | ")}` } });
            """);
        _rig.Step();

        var text = _rig.Text("out") ?? throw new InvalidOperationException(_rig.Status("hoard.js").ToString());
        Assert.True(text.StartsWith("20 5 | ", StringComparison.Ordinal), text);
        Assert.Contains("after: this script already has 20 timers waiting", text);
        Assert.Contains("animate: this script already runs 5 animations", text);
        Assert.Equal(ScriptState.Running, _rig.Status("hoard.js").State);
    }

    [Fact]
    public async Task A_bid_too_large_reaches_no_handler_raises_no_error_and_is_logged_with_the_reason()
    {
        using var rig = new ScriptRig(); // the default, patient budget: this test is about bids, not time
        await rig.LoadAsync("bids.js", """
            create({ id: "out", type: "overlay.text", props: { text: "" } });
            onBid(bid => update("out", { props: { text: `${layer("out").props.text}${bid.amount};` } }));
            """);
        rig.Chat.Post(new ChatPost("api", "eve", "bid 99999999999999999999999999k"));
        rig.Chat.Post(new ChatPost("api", "ana", "bid 2.5k"));
        rig.Step(3);

        Assert.Equal("2500;", rig.Text("out"));
        Assert.Equal(0, rig.Status("bids.js").Errors);
        Assert.Contains(rig.Log.Lines, l => l.Contains("eve is not a bid") && l.Contains("too large"));
    }

    public void Dispose() => _rig.Dispose();
}
