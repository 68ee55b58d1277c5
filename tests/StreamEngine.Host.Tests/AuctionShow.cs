using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A small auction show written for a test: the scene (the auction layers at 640x360), its script handing
/// <c>lots.json</c> to the auctioneer plugin, and optionally a simulated audience.
/// </summary>
internal static class AuctionShow
{
    public static string Create(TempDirectory dir, string name, string lots, string? audience = null, string? stages = null)
    {
        var show = Path.Combine(dir.Root, name);
        Directory.CreateDirectory(Path.Combine(show, "scripts"));
        var scene = JsonNode.Parse(Scene)!.AsObject();
        if (stages is not null) scene["chat"] = new JsonObject { ["stages"] = JsonNode.Parse(stages) };
        File.WriteAllText(Path.Combine(show, "scene.json"), scene.ToJsonString());
        File.WriteAllText(Path.Combine(show, "scripts", "lots.json"), lots);
        File.Copy(RepoPaths.Samples("auction-show", "scripts", "auction.mjs"), Path.Combine(show, "scripts", "auction.mjs"));
        if (audience is not null) File.WriteAllText(Path.Combine(show, "audience.json"), audience);
        return Path.Combine(show, "scene.json");
    }

    public const string Scene = """
        { "size": "640x360", "fps": 30,
          "layers": [
            { "id": "backdrop", "type": "background", "zIndex": 0, "props": { "color": "#101426" } },
            { "id": "price-card", "type": "priceCard", "zIndex": 10, "transform": { "x": 200, "y": 95, "width": 360, "height": 150, "anchor": { "x": 0.5, "y": 0.5 } },
              "props": { "lot": 0, "title": "", "artist": "", "label": "OPENING BID", "price": 0, "currency": "USD", "bids": 0, "status": "scheduled" } },
            { "id": "countdown", "type": "countdown", "zIndex": 10, "transform": { "x": 20, "y": 190, "width": 360, "height": 60 },
              "props": { "remaining": 0, "total": 60, "urgentBelow": 10 } },
            { "id": "banner", "type": "banner", "zIndex": 20, "visible": false, "transform": { "x": 200, "y": 305, "width": 360, "height": 70, "anchor": { "x": 0.5, "y": 0.5 } },
              "props": { "style": "info" } },
            { "id": "bid-flash", "type": "overlay.text", "zIndex": 30, "visible": false, "transform": { "x": 515, "y": 35, "width": 230, "height": 50, "anchor": { "x": 0.5, "y": 0.5 } },
              "props": { "text": "", "maxLines": 2, "color": "#ffd166", "font": { "family": "sans", "size": 16, "weight": 800 } } },
            { "id": "chat", "type": "chat", "zIndex": 25, "transform": { "x": 400, "y": 70, "width": 230, "height": 280 },
              "props": { "maxVisible": 5, "font": { "family": "sans", "size": 12 } } }
          ] }
        """;

    /// <summary>The newest sale's log, as <c>auction export --format json</c> prints it for this show and environment.</summary>
    public static async Task<JsonObject> ExportAsync(string scene, Dictionary<string, string?> env, string? sale = null)
    {
        var run = ProcessRunner.Start("dotnet", [RepoPaths.BuiltEngine, "auction", "export", "--format", "json", "--scene", scene, .. (sale is null ? Array.Empty<string>() : ["--sale", sale])], env);
        await run.WaitForExitAsync(TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.AllOutput);
        return JsonNode.Parse(string.Join('\n', run.Stdout))!.AsObject();
    }

    /// <summary>The auctioneer's state, once it has rebuilt the sale from its records.</summary>
    public static async Task<JsonObject> StateAsync(RunningEngine engine)
    {
        for (var i = 0; i < 100; i++)
        {
            var state = await engine.GetObjectAsync("api/behaviours/auctioneer/state");
            if (state["restoring"]?.GetValue<bool>() == false && state["current"] is JsonObject) return state;
            await Task.Delay(100);
        }
        throw new TimeoutException("the auctioneer did not come up with a lot on the block");
    }
}
